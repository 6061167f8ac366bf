import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { outlineMarkdown } from './markdown';
import { idFor, numberFromFileName } from './naming';
import { validateFrontMatter } from './schema';
import type { AdrDocument, AdrFrontMatter, Diagnostic } from './types';

const FENCE = /^---[ \t]*\n/;
const CLOSED_FENCE = /^---[ \t]*\n(?:[\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\u0000');
}

export interface ParseOptions {
  /** Skip schema validation (importers read foreign front-matter). */
  validate?: boolean;
}

/**
 * Parses one ADR file's text. Never throws: every problem becomes a diagnostic carrying the
 * file, line and column, so callers can report all files and go on.
 */
export function parseAdr(rawText: string, path: string, options: ParseOptions = {}): AdrDocument {
  const fileName = path.split('/').pop() ?? path;
  const number = numberFromFileName(fileName);
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, column: number, code: string, message: string, hint?: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file: path, line, column, severity, code, message, hint });

  const doc: AdrDocument = {
    path,
    fileName,
    number,
    id: idFor(number, fileName),
    title: null,
    status: null,
    date: null,
    frontMatter: {},
    hasFrontMatter: false,
    frontMatterText: '',
    frontMatterLine: 2,
    body: '',
    bodyLine: 1,
    headings: [],
    links: [],
    diagnostics,
  };

  if (looksBinary(rawText)) {
    report(1, 1, 'file/binary', 'not a text file (it contains NUL bytes)', 'Remove it from the ADR folder or rename it so it does not end in .md.');
    return doc;
  }

  let text = rawText;
  if (text.charCodeAt(0) === 0xfeff) {
    report(1, 1, 'file/bom', 'the file starts with a byte order mark (BOM)', 'Save the file as UTF-8 without BOM so the front-matter opens on the first byte; `adr-check --fix` does it.');
    text = text.slice(1);
  }
  if (text.includes('\r\n')) {
    report(1, 1, 'file/crlf', 'the file uses CRLF line endings', 'Use LF line endings (git config core.autocrlf input); `adr-check --fix` converts them.', 'warning');
    text = text.replace(/\r\n/g, '\n');
  }

  if (FENCE.test(text) && !CLOSED_FENCE.test(text)) {
    report(1, 1, 'front-matter/unclosed', 'the front-matter block opened with --- is never closed', 'Close it with a line holding only ---.');
    doc.body = text.replace(FENCE, '');
    doc.bodyLine = 2;
  } else if (FENCE.test(text)) {
    doc.hasFrontMatter = true;
    // gray-matter finds the block; the YAML itself is read by `yaml` below, for line/column positions.
    const parsed = matter(text, { engines: { yaml: () => ({}) } } as never);
    doc.frontMatterText = parsed.matter.replace(/^[ \t]*\n/, '');
    doc.body = parsed.content;
    doc.bodyLine = text.slice(0, text.length - parsed.content.length).split('\n').length;
    readFrontMatter(doc, report);
  } else {
    doc.body = text;
    if (/^\s*\n---[ \t]*\n/.test(text)) {
      report(1, 1, 'front-matter/not-first', 'the front-matter does not start on the first line', 'Remove the blank lines before the opening ---.');
    }
  }

  const outline = outlineMarkdown(doc.body, doc.bodyLine - 1);
  doc.headings = outline.headings;
  doc.links = outline.relativeLinks;
  const h1s = outline.headings.filter((h) => h.depth === 1);
  if (h1s.length > 0) doc.title = h1s[0].text;

  if (options.validate !== false) {
    if (!doc.hasFrontMatter) {
      report(1, 1, 'front-matter/missing', 'no front-matter block', 'Start the file with ---, status: and date: lines and a closing --- (see docs/adr/0000-*.md).');
    }
    if (h1s.length === 0) {
      report(doc.bodyLine, 1, 'title/missing', 'no "# Title" heading', 'Add one H1 with the decision\'s title: Backstage reads the title only from there.');
    } else if (h1s.length > 1) {
      for (const extra of h1s.slice(1)) {
        report(extra.line, extra.column, 'title/multiple', `more than one H1 ("${extra.text}")`, 'Keep one "# Title"; make the others "##" sections.');
      }
    }
    if (outline.h1HasMarkup) {
      report(h1s[0].line, h1s[0].column, 'title/markup', 'the title contains markup (links, emphasis or code)', 'Make the H1 plain text: Backstage shows it as it is.', 'warning');
    }
  }
  return doc;
}

type Report = (line: number, column: number, code: string, message: string, hint?: string, severity?: Diagnostic['severity']) => void;

function readFrontMatter(doc: AdrDocument, report: Report): void {
  const lineCounter = new LineCounter();
  const yamlDoc = parseDocument(doc.frontMatterText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const base = doc.frontMatterLine - 1;
  if (yamlDoc.errors.length > 0) {
    for (const error of yamlDoc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      report(base + pos.line, pos.col, 'front-matter/yaml', `front-matter is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, 'Fix the YAML syntax (quote values that contain ": " or start with special characters).');
    }
    return;
  }
  const data = yamlDoc.toJS({ maxAliasCount: 50 }) as unknown;
  if (data === null || data === undefined) {
    doc.frontMatter = {};
  } else if (typeof data !== 'object' || Array.isArray(data)) {
    report(doc.frontMatterLine, 1, 'front-matter/not-a-map', 'front-matter must be a map of keys (status:, date:, ...)', 'Write one "key: value" per line.');
    return;
  } else {
    doc.frontMatter = data as AdrFrontMatter;
  }
  const fm = doc.frontMatter;
  doc.status = typeof fm.status === 'string' ? fm.status : null;
  doc.date = typeof fm.date === 'string' ? fm.date : null;

  const locate = (path: Array<string | number>, atKey = false): { line: number; column: number } => locateInYaml(yamlDoc, lineCounter, path, base, atKey);
  for (const problem of validateFrontMatter(fm)) {
    const at = locate(problem.path, problem.atKey);
    report(at.line, at.column, 'front-matter/schema', problem.message, hintFor(problem.path));
  }
  if (doc.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.date) && !isRealDate(doc.date)) {
    const at = locate(['date']);
    report(at.line, at.column, 'front-matter/date', `date ${doc.date} is not a real calendar date`, 'Write the date the decision was made as YYYY-MM-DD.');
  }
}

function hintFor(path: Array<string | number>): string | undefined {
  const key = path[0];
  if (key === 'status') return 'Use proposed, accepted, rejected, deprecated or superseded.';
  if (key === 'date') return 'Write the date as YYYY-MM-DD, e.g. date: 2026-11-22.';
  if (key === 'supersedes') return 'List ADR numbers, e.g. supersedes: [3].';
  if (key === 'superseded-by') return 'Give the number of the replacing ADR, e.g. superseded-by: 12.';
  if (key === 'enforcement') return 'See the enforcement keys in docs/adr/0000-record-architecture-decisions.md.';
  return undefined;
}

/** Line and column of the deepest existing node on `path` (so a missing key points at its parent). */
export function locateInYaml(
  yamlDoc: Document,
  lineCounter: LineCounter,
  path: Array<string | number>,
  lineBase: number,
  atKey = false,
): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    let node: unknown;
    if (depth === 0) node = yamlDoc.contents;
    else {
      // Point at the key of a map entry when there is one: "status: x" -> the "status" key.
      const parent = depth === 1 ? yamlDoc.contents : yamlDoc.getIn(path.slice(0, depth - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(sub[depth - 1]));
        node = pair ? (!atKey && pair.value && path.length === depth && isScalar(pair.value) ? pair.value : pair.key) : undefined;
      } else {
        node = yamlDoc.getIn(sub, true);
      }
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const pos = lineCounter.linePos(range[0]);
      return { line: lineBase + pos.line, column: pos.col };
    }
  }
  return { line: lineBase + 1, column: 1 };
}
