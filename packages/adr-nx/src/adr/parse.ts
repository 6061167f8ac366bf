import { LineCounter, parseDocument } from 'yaml';
import { frontMatterPosition, locateInYaml } from './locate';
import { outlineMarkdown } from './markdown';
import { idFor, numberFromFileName } from './naming';
import { validateFrontMatter } from './schema';
import type { AdrDocument, AdrFrontMatter, Diagnostic } from './types';

const FENCE = /^---[ \t]*\n/;
const CLOSED_FENCE = /^---[ \t]*\n(?:[\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/** Whether (LF) text opens with a front-matter block that is closed again. */
export function hasClosedFrontMatter(text: string): boolean {
  return CLOSED_FENCE.test(text);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date written YYYY-MM-DD (Gregorian leap years). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/**
 * The front-matter block and the body, split exactly as gray-matter splits them (the closing
 * delimiter is the first line starting with ---), without its per-call options, cache and file
 * object: this runs for every ADR on every check. parse-yaml.spec.ts compares the two.
 */
export function splitFrontMatter(text: string): { matter: string; content: string } {
  const str = text.slice(3);
  const close = str.indexOf('\n---');
  if (close === -1) return { matter: str, content: '' };
  let content = str.slice(close + 4);
  if (content[0] === '\r') content = content.slice(1);
  if (content[0] === '\n') content = content.slice(1);
  return { matter: str.slice(0, close), content };
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
    const parsed = splitFrontMatter(text);
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
  if (h1s.length > 0 && h1s[0].text.trim()) doc.title = h1s[0].text;

  if (options.validate !== false) {
    if (!doc.hasFrontMatter) {
      report(1, 1, 'front-matter/missing', 'no front-matter block', 'Start the file with ---, status: and date: lines and a closing --- (see docs/adr/0000-*.md).');
    }
    if (h1s.length === 0 || !h1s[0].text.trim()) {
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

// js-yaml 3 (gray-matter's own YAML engine) reads front-matter ~8x faster than `yaml`. Text
// where the two YAML readers could disagree (anchors, aliases, tags, numbers with leading zeros
// or underscores, sexagesimals) goes to `yaml`, which also reads every text js-yaml rejects so
// errors keep their exact wording and position.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsYaml = require('js-yaml') as { load(text: string, options: { schema: unknown }): unknown; CORE_SCHEMA: unknown };
const NEEDS_CAREFUL_YAML = /(?:^|[\s[{,])(?:[&*!]\S|[+-]?0[\dxob_]|\d+_\d|<<)|\d:\d/m;

function quickLoad(text: string): { data: unknown } | null {
  if (NEEDS_CAREFUL_YAML.test(text)) return null;
  try {
    return { data: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) ?? null };
  } catch {
    return null;
  }
}

function readFrontMatter(doc: AdrDocument, report: Report): void {
  const base = doc.frontMatterLine - 1;
  let data: unknown;
  let locate: (path: Array<string | number>, atKey?: boolean) => { line: number; column: number };
  const quick = quickLoad(doc.frontMatterText);
  if (quick) {
    data = quick.data;
    // Positions are only needed for problems: the YAML is parsed again, with positions, then.
    locate = (path, atKey) => frontMatterPosition(doc, path, atKey);
  } else {
    const lineCounter = new LineCounter();
    const yamlDoc = parseDocument(doc.frontMatterText, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (yamlDoc.errors.length > 0) {
      for (const error of yamlDoc.errors) {
        const pos = lineCounter.linePos(error.pos[0]);
        report(base + pos.line, pos.col, 'front-matter/yaml', `front-matter is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, 'Fix the YAML syntax (quote values that contain ": " or start with special characters).');
      }
      return;
    }
    data = yamlDoc.toJS({ maxAliasCount: 50 }) as unknown;
    locate = (path, atKey) => locateInYaml(yamlDoc, lineCounter, path, base, atKey);
  }
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

  for (const problem of validateFrontMatter(fm)) {
    const at = locate(problem.path, problem.atKey);
    report(at.line, at.column, 'front-matter/schema', problem.message, hintFor(problem.path));
  }
  if (doc.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.date) && !isRealDate(doc.date)) {
    const at = locate(['date']);
    report(at.line, at.column, 'front-matter/date', `date ${doc.date} is not a real calendar date`, 'Write the date the decision was made as YYYY-MM-DD.');
  }
}

function hintFor(path: Array<string | number>): string {
  const key = path[0];
  if (key === 'status') return 'Use proposed, accepted, rejected, deprecated or superseded.';
  if (key === 'date') return 'Write the date as YYYY-MM-DD, e.g. date: 2026-11-22.';
  if (key === 'supersedes') return 'List ADR numbers, e.g. supersedes: [3].';
  if (key === 'superseded-by') return 'Give the number of the replacing ADR, e.g. superseded-by: 12.';
  if (key === 'enforcement') return 'See the enforcement keys in docs/adr/0000-record-architecture-decisions.md.';
  return 'See the front-matter keys in docs/adr/0000-record-architecture-decisions.md.';
}
