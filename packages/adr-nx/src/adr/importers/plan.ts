import { posix } from 'node:path';
import { adrFileName, isAdrCandidate, numberFromFileName, slugify } from '../naming';
import { nextAdrNumber } from '../numbering';
import { parseAdr } from '../parse';
import { renderAdrFile } from '../render';
import { formatAdrId, type AdrFrontMatter } from '../types';
import { convertSource, ORIGINAL_STATUS_KEY, type ImportNote } from './convert';
import { splitUrl, rewriteRelativeLinks } from './links';
import { DATE_NAMED_FILE, dateFromFileName } from './log4brains';
import { readSource } from './read-source';
import type { ImportFormat } from './types';

/**
 * How imported ADRs are numbered:
 * - keep: the source numbers, gaps included (so "ADR 33" in prose stays true); an error when one
 *   is taken in the target folder. Unnumbered (date-named) files come after the highest.
 * - append: one after another after the target's highest number, in source order; gaps close.
 * - auto: keep when no source number is taken in the target folder, else append.
 */
export type NumberingMode = 'auto' | 'keep' | 'append';

export interface ImportSourceFile {
  /** File name in the source folder. */
  name: string;
  /** Path shown in messages. */
  path: string;
  text: string;
}

export interface PlanOptions {
  targetDir: string;
  /** ADRs already in the target folder. */
  existing: Array<{ number: number | null; fileName: string }>;
  numbering: NumberingMode;
  today: string;
  /** When git first recorded a source file (for files without a date). */
  dateOf?: (name: string) => string | null;
  /** Whether a path relative to the source folder exists (assets such as images). */
  sourceHas: (relativePath: string) => boolean;
  /** The source folder relative to the workspace root, when it is inside the workspace. */
  sourceDirInWorkspace: string | null;
}

export interface PlannedAdr {
  source: string;
  format: ImportFormat;
  sourceNumber: number | null;
  number: number;
  fileName: string;
  path: string;
  title: string;
  frontMatter: AdrFrontMatter;
  body: string;
}

export interface ImportPlan {
  adrs: PlannedAdr[];
  numbering: 'keep' | 'append';
  /** Files in the source folder that are not decisions (README, index, templates). */
  skipped: Array<{ file: string; reason: string }>;
  /** Files next to the ADRs they link to (images), relative to the source and target folders. */
  assets: Array<{ from: string; to: string }>;
  notes: ImportNote[];
}

interface Entry {
  file: ImportSourceFile;
  sourceNumber: number | null;
  sortKey: string;
  converted: ReturnType<typeof convertSource>;
  number?: number;
  fileName?: string;
  supersededBy?: number;
  supersedes: number[];
}

function skipReason(name: string): string | null {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.md')) return null;
  if (lower === 'readme.md') return 'README (not a decision)';
  if (lower === 'index.md') return 'index (not a decision)';
  if (!isAdrCandidate(name)) return 'template (not a decision)';
  return '';
}

const lineOfText = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
};

/** Slug of the source file name without its number or date: keeps names people already know. */
function sourceSlug(name: string): string {
  const date = DATE_NAMED_FILE.exec(name);
  const stem = date ? date[4] : name.replace(/\.md$/i, '').replace(/^\d{1,4}-/, '');
  return slugify(stem);
}

/**
 * Works out everything an import will write, without writing: numbers, file names, mapped
 * front-matter, rewritten links, back-links, and what could not be mapped. Any note with level
 * "error" means the import must not write anything.
 */
export function planImport(files: ImportSourceFile[], options: PlanOptions): ImportPlan {
  const notes: ImportNote[] = [];
  const skipped: ImportPlan['skipped'] = [];
  const entries: Entry[] = [];
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const reason = skipReason(file.name);
    if (reason === null) continue;
    if (reason) {
      skipped.push({ file: file.path, reason });
      continue;
    }
    const read = readSource(file.text, file.name, file.path);
    const { dateOf } = options;
    const converted = convertSource(read, file.path, {
      today: options.today,
      dateOf: dateOf ? () => dateOf(file.name) : undefined,
      lineOf: (text) => lineOfText(file.text, text),
    });
    notes.push(...converted.notes);
    const dated = DATE_NAMED_FILE.test(file.name);
    entries.push({
      file,
      sourceNumber: dated ? null : numberFromFileName(file.name),
      sortKey: `${dateFromFileName(file.name) ?? ''}|${file.name}`,
      converted,
      supersedes: [],
    });
  }
  const plan: ImportPlan = { adrs: [], numbering: 'keep', skipped, assets: [], notes };
  if (entries.length === 0) {
    notes.push({
      file: '.',
      line: 1,
      level: 'error',
      message: `no ADRs to import: the folder has ${files.length === 0 ? 'no files' : `only ${files.map((f) => f.name).join(', ')}`}`,
      hint: 'Point --source at the folder that holds the decision files (e.g. doc/adr with 0001-*.md files).',
    });
    return plan;
  }

  plan.numbering = assignNumbers(entries, options, notes);
  if (notes.some((n) => n.level === 'error')) return plan;

  // File names: the source slug, else the title's.
  for (const e of entries) {
    const slug = sourceSlug(e.file.name) || slugify(e.converted.title ?? '');
    if (!slug) {
      notes.push({ file: e.file.path, line: 1, level: 'error', message: 'neither the file name nor the title has letters or digits to name the file with', hint: 'Rename the file or give it a title with words.' });
      continue;
    }
    e.fileName = adrFileName(e.number as number, slug);
  }
  if (notes.some((n) => n.level === 'error')) return plan;

  linkSupersessions(entries, notes);
  rewriteLinks(entries, options, plan);

  for (const e of entries) {
    const fm = e.converted.frontMatter;
    if (e.supersedes.length) fm.supersedes = [...new Set(e.supersedes)].sort((a, b) => a - b);
    if (e.supersededBy !== undefined) fm['superseded-by'] = e.supersededBy;
    const path = `${options.targetDir}/${e.fileName}`;
    // The ADR model's own parser is the judge: what it rejects, adr-check would too.
    const check = parseAdr(renderAdrFile(fm, e.converted.body), path);
    for (const d of check.diagnostics.filter((x) => x.severity === 'error')) {
      notes.push({ file: e.file.path, line: 1, level: 'error', message: `would not be a valid ADR: ${d.message}`, hint: d.hint });
    }
    plan.adrs.push({
      source: e.file.path,
      format: e.converted.format,
      sourceNumber: e.sourceNumber,
      number: e.number as number,
      fileName: e.fileName as string,
      path,
      title: e.converted.title ?? '',
      frontMatter: fm,
      body: e.converted.body,
    });
  }
  notes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return plan;
}

function assignNumbers(entries: Entry[], options: PlanOptions, notes: ImportNote[]): 'keep' | 'append' {
  const numbered = entries.filter((e) => e.sourceNumber !== null).sort((a, b) => (a.sourceNumber as number) - (b.sourceNumber as number) || a.file.name.localeCompare(b.file.name));
  const unnumbered = entries.filter((e) => e.sourceNumber === null).sort((a, b) => a.sortKey.localeCompare(b.sortKey));
  const taken = new Map(options.existing.filter((a) => a.number !== null).map((a) => [a.number as number, a.fileName]));

  const byNumber = new Map<number, Entry[]>();
  for (const e of numbered) byNumber.set(e.sourceNumber as number, [...(byNumber.get(e.sourceNumber as number) ?? []), e]);
  const duplicates = [...byNumber.values()].filter((list) => list.length > 1);
  const clashes = numbered.filter((e) => taken.has(e.sourceNumber as number));

  const mode: 'keep' | 'append' = options.numbering === 'append' || (options.numbering === 'auto' && clashes.length > 0) ? 'append' : 'keep';
  if (mode === 'keep') {
    for (const list of duplicates) {
      for (const e of list.slice(1)) {
        notes.push({
          file: e.file.path,
          line: 1,
          level: 'error',
          message: `${list[0].file.name} has the same number (${formatAdrId(e.sourceNumber as number)})`,
          hint: 'Rename one of them to a free number, or run with --numbering=append to number all files one after another.',
        });
      }
    }
    for (const e of clashes) {
      notes.push({
        file: e.file.path,
        line: 1,
        level: 'error',
        message: `${formatAdrId(e.sourceNumber as number)} is taken in ${options.targetDir} by ${taken.get(e.sourceNumber as number)}`,
        hint: 'Run with --numbering=append (or auto) to number the imported ADRs after the highest one there.',
      });
    }
    for (const e of numbered) e.number = e.sourceNumber as number;
  } else if (duplicates.length) {
    notes.push({ file: '.', line: 1, level: 'warning', message: `files share numbers (${duplicates.map((l) => l.map((e) => e.file.name).join(' = ')).join('; ')}); numbered one after another by name` });
  }
  let next = nextAdrNumber([...taken.keys(), ...entries.map((e) => e.number ?? null)]);
  for (const e of mode === 'append' ? [...numbered, ...unnumbered] : unnumbered) {
    if (next > 9999) {
      notes.push({ file: e.file.path, line: 1, level: 'error', message: 'no four-digit number is left for this ADR', hint: 'Import into an empty folder.' });
      break;
    }
    e.number = next++;
  }
  return mode;
}

/** Which imported entry a link URL or a number ("15", "ADR-0015" in the old numbering) points at. */
function resolveTarget(entries: Entry[], raw: string): Entry | undefined {
  if (/^\d{1,4}$/.test(raw)) return entries.find((e) => e.sourceNumber === Number(raw));
  const name = posix.basename(splitUrl(raw).path);
  return entries.find((e) => e.file.name === name || e.file.name === safeDecode(name));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Turns "superseded by" and "supersedes" wording into front-matter that points both ways
 * (`superseded-by` on the old ADR, `supersedes` on the new one), as adr-check requires.
 */
function linkSupersessions(entries: Entry[], notes: ImportNote[]): void {
  const link = (old: Entry, by: Entry) => {
    old.supersededBy = by.number;
    by.supersedes.push(old.number as number);
  };
  // "Superseded by X" in the old ADR.
  for (const e of entries) {
    if (e.converted.frontMatter.status !== 'superseded' || !e.converted.successor) continue;
    const successor = resolveTarget(entries, e.converted.successor.value);
    if (successor && successor !== e) link(e, successor);
  }
  // "Supersedes X" in the new one: links a superseded ADR that named no successor; anything else is only reported.
  for (const e of entries) {
    for (const raw of e.converted.supersedes) {
      const old = resolveTarget(entries, raw.value);
      if (!old || old === e || e.supersedes.includes(old.number as number)) continue;
      if (old.supersededBy === undefined && old.converted.frontMatter.status === 'superseded') {
        link(old, e);
        continue;
      }
      notes.push({
        file: e.file.path,
        line: raw.line,
        level: 'warning',
        message: `says it supersedes ${old.file.name}, which is ${old.supersededBy !== undefined ? `superseded by ${formatAdrId(old.supersededBy)}` : String(old.converted.frontMatter.status)}: not linked in the front-matter (the sentence stays)`,
        hint: `If it does, set status: superseded and superseded-by: ${e.number} in ${formatAdrId(old.number as number)}, and supersedes: [${old.number}] here.`,
      });
    }
  }
  // Superseded by nothing imported: no longer in force, successor unknown.
  for (const e of entries) {
    const fm = e.converted.frontMatter;
    if (fm.status !== 'superseded' || e.supersededBy !== undefined) continue;
    const raw = e.converted.successor;
    fm.status = 'deprecated';
    fm[ORIGINAL_STATUS_KEY] ??= raw ? `superseded by ${raw.value}` : 'superseded';
    notes.push({
      file: e.file.path,
      line: raw?.line ?? 1,
      level: 'warning',
      message: `superseded, but ${raw ? `its successor (${raw.value}) is not among the imported files` : 'no successor is named'}: imported as deprecated (wording kept in ${ORIGINAL_STATUS_KEY})`,
      hint: 'When the successor is imported, set status: superseded and superseded-by: <its number>.',
    });
  }
}

/** Links to other imported ADRs get the new file names; links to files beside them are copied along. */
function rewriteLinks(entries: Entry[], options: PlanOptions, plan: ImportPlan): void {
  const assets = new Map<string, string>();
  for (const e of entries) {
    const warn = (url: string, message: string, hint?: string) =>
      plan.notes.push({ file: e.file.path, line: lineOfText(e.file.text, url), level: 'warning', message, hint });
    const result = rewriteRelativeLinks(e.converted.body, (span) => {
      const { path, suffix } = splitUrl(span.url);
      if (!path || path.startsWith('/')) return null; // same-page anchors and site-absolute paths are not files here
      const inSource = posix.normalize(safeDecode(path));
      const target = entries.find((x) => x.file.name === inSource);
      if (target) {
        const renumber = target.number !== target.sourceNumber && target.sourceNumber !== null ? { from: target.sourceNumber, to: target.number as number } : undefined;
        return { url: `${target.fileName}${suffix}`, renumber };
      }
      if (!inSource.startsWith('../')) {
        if (options.sourceHas(inSource)) {
          assets.set(inSource, `${options.targetDir}/${inSource}`);
          return null;
        }
        warn(span.url, `links to ${path}, which is not in the source folder: kept as it was`, 'Fix or remove the link after the import.');
        return null;
      }
      if (options.sourceDirInWorkspace === null) {
        warn(span.url, `links to ${path}, outside the source folder (which is outside the workspace): kept as it was`, 'Check the link after the import.');
        return null;
      }
      // Same file, seen from the new folder.
      const inWorkspace = posix.normalize(posix.join(options.sourceDirInWorkspace, inSource));
      if (inWorkspace.startsWith('../')) {
        warn(span.url, `links to ${path}, outside the workspace: kept as it was`);
        return null;
      }
      return { url: `${posix.relative(options.targetDir, inWorkspace)}${suffix}` };
    });
    for (const failed of result.failed) warn(failed.url, `could not rewrite the link to ${failed.url} (written differently in the text)`, 'Update it by hand.');
    e.converted.body = result.text;
  }
  plan.assets = [...assets].map(([from, to]) => ({ from, to }));
}
