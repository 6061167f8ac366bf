import type { AdrFrontMatter } from '../types';
import { headingLines, normalizeDate } from './fields';
import { plainStatusText, mapStatus } from './status';
import type { ImportFormat, Located, ReadSource } from './types';

/** One thing the report tells the user about one source file. */
export interface ImportNote {
  file: string;
  line: number;
  /** error: nothing is written; warning: imported, but something could not be mapped; info: how it was mapped. */
  level: 'error' | 'warning' | 'info';
  message: string;
  hint?: string;
}

/** Front-matter keys that keep wording the canonical format has no room for. */
export const ORIGINAL_STATUS_KEY = 'original-status';
export const ORIGINAL_DATE_KEY = 'original-date';

export interface ConvertContext {
  /** Date used when a file has none and `dateOf` knows none (the import date), YYYY-MM-DD. */
  today: string;
  /** When the file was first committed (git), for files without a date. */
  dateOf?: () => string | null;
  /** 1-based line of the source file holding `text` (for notes about the body). */
  lineOf: (text: string) => number;
}

/** One source file mapped to the canonical front-matter; numbers and links are the plan's job. */
export interface ConvertedAdr {
  format: ImportFormat;
  title: string | null;
  frontMatter: AdrFrontMatter;
  /** The raw target of "superseded by" (link URL or number), resolved by the plan. */
  successor: Located<string> | null;
  supersedes: Array<Located<string>>;
  body: string;
  notes: ImportNote[];
}

/** Makes every H1 after the first an H2: the canonical format has exactly one H1, the title. */
function demoteExtraH1s(body: string, note: (line: string, message: string) => void): string {
  const lines = body.split('\n');
  const h1s = headingLines(lines).filter((h) => h.depth === 1);
  for (const extra of h1s.slice(1)) {
    note(lines[extra.index], `a second H1 ("${extra.text}") became "##": the title is the one H1`);
    lines[extra.index] = lines[extra.index].replace(/^(\s{0,3})#/, '$1##');
  }
  return lines.join('\n');
}

export function convertSource(read: ReadSource, file: string, ctx: ConvertContext): ConvertedAdr {
  const notes: ImportNote[] = read.problems.map((p) => ({ file, line: p.line, level: p.severity, message: p.message, hint: p.hint }));
  const note = (level: ImportNote['level'], line: number, message: string, hint?: string) => notes.push({ file, line, level, message, hint });
  const fm: AdrFrontMatter = {};
  let successor: Located<string> | null = null;

  // Status: the enum value, plus the original wording when the enum loses it.
  if (read.format === 'unknown') {
    fm.status = 'proposed';
    note('warning', 1, 'format not recognised (no front-matter, status line or "## Status" section): text kept verbatim, imported as proposed', 'Review it and set its status.');
  } else if (!read.status) {
    fm.status = 'accepted';
    note('warning', 1, `no status: imported as accepted (a ${read.format} record without a status is taken as in force)`, 'Change status: in the front-matter if it was not accepted.');
  } else {
    const mapped = mapStatus(read.status.value);
    const wording = plainStatusText(read.status.value);
    if (!mapped) {
      fm.status = 'proposed';
      fm[ORIGINAL_STATUS_KEY] = wording;
      note('warning', read.status.line, `status "${wording}" is not one the importer knows: imported as proposed, the wording kept in ${ORIGINAL_STATUS_KEY}`, 'Set status: to proposed, accepted, rejected, deprecated or superseded.');
    } else {
      fm.status = mapped.status;
      if (mapped.lossy) {
        fm[ORIGINAL_STATUS_KEY] = wording;
        note('info', read.status.line, `status "${wording}" -> ${mapped.status} (wording kept in ${ORIGINAL_STATUS_KEY})`);
      }
      if (mapped.status === 'superseded') successor = mapped.supersededBy ? { value: mapped.supersededBy, line: read.status.line } : null;
    }
  }

  // Date: the file's own, else when git first saw the file, else the import date.
  const date = read.date ? normalizeDate(read.date.value) : null;
  if (date) fm.date = date;
  else {
    if (read.date) {
      fm[ORIGINAL_DATE_KEY] = read.date.value;
      note('warning', read.date.line, `date "${read.date.value}" is not a date the importer can read (kept in ${ORIGINAL_DATE_KEY})`, 'Write it as YYYY-MM-DD in date:.');
    }
    const fromGit = ctx.dateOf?.() ?? null;
    fm.date = fromGit ?? ctx.today;
    if (fromGit) note('info', 1, `no date: dated ${fromGit}, when git first recorded the file`);
    else note('warning', 1, `no date: dated ${ctx.today}, the import date`, 'Set date: to when the decision was made.');
  }

  fm['decision-makers'] = read.decisionMakers;
  fm.consulted = read.consulted;
  fm.informed = read.informed;
  if (read.tags.length) fm.tags = [...new Set(read.tags)];
  for (const [key, value] of Object.entries(read.extraFrontMatter)) if (!(key in fm)) fm[key] = value;

  if (!read.title) {
    note('error', 1, 'no "# Title" heading: an ADR needs its title as the one H1', 'Add a line "# <the decision>" at the top of the file and run the import again.');
  }
  const body = demoteExtraH1s(read.body, (line, message) => note('info', ctx.lineOf(line), message));
  return { format: read.format, title: read.title?.value ?? null, frontMatter: fm, successor, supersedes: read.supersedes, body, notes };
}
