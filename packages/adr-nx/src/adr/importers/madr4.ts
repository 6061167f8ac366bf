import { parseAdr } from '../parse';
import { listFrom, stripNumberPrefix } from './fields';
import { supersedesLines } from './header-fields';
import { emptyRead, type ReadSource } from './types';

/** Keys mapped into the canonical front-matter; everything else is kept as it was (e.g. parent, nav_order). */
const MAPPED = new Set(['status', 'date', 'decision-makers', 'deciders', 'consulted', 'informed', 'tags', 'supersedes', 'superseded-by']);

/** MADR 4 (and anything else with YAML front-matter): read through the ADR model's own parser. */
export function readMadr4(text: string, path: string): ReadSource {
  const doc = parseAdr(text, path, { validate: false });
  const read = emptyRead('madr4', doc.body);
  // The source's front-matter is not ours yet: only problems that stop reading it count, not the schema.
  for (const d of doc.diagnostics) if (d.severity === 'error' && !d.code.startsWith('front-matter/schema') && d.code !== 'front-matter/date') read.problems.push({ line: d.line, severity: 'error', message: d.message, hint: d.hint });
  const fm = doc.frontMatter;
  const lineOf = (key: string) => {
    const i = doc.frontMatterText.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 1 : doc.frontMatterLine + i;
  };
  const scalar = (key: string) => {
    const value = fm[key];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'object' && !(value instanceof Date)) {
      read.problems.push({ line: lineOf(key), severity: 'warning', message: `${key} is not a single value (${JSON.stringify(value)}); it is not imported`, hint: `Write ${key}: on one line.` });
      return null;
    }
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    return { value: text, line: lineOf(key) };
  };
  read.status = scalar('status');
  read.date = scalar('date');
  read.decisionMakers = listFrom(fm['decision-makers'] ?? fm.deciders);
  read.consulted = listFrom(fm.consulted);
  read.informed = listFrom(fm.informed);
  read.tags = listFrom(fm.tags);
  const supersedes = Array.isArray(fm.supersedes) ? fm.supersedes : fm.supersedes !== undefined ? [fm.supersedes] : [];
  read.supersedes = [...supersedes.map((n) => ({ value: String(n), line: lineOf('supersedes') })), ...supersedesLines(doc.body.split('\n')).map((s) => ({ ...s, line: s.line + doc.bodyLine - 1 }))];
  const by = scalar('superseded-by');
  if (by && read.status && /^superseded$/i.test(read.status.value.trim())) read.status = { value: `superseded by ${by.value}`, line: read.status.line };
  for (const [key, value] of Object.entries(fm)) if (!MAPPED.has(key)) read.extraFrontMatter[key] = value;

  const h1 = doc.headings.find((h) => h.depth === 1);
  if (h1) {
    read.title = { value: stripNumberPrefix(h1.text), line: h1.line };
    const lines = doc.body.split('\n');
    const index = h1.line - doc.bodyLine;
    const raw = /^\s{0,3}#\s+(.*?)\s*$/.exec(lines[index] ?? '');
    if (raw && stripNumberPrefix(raw[1]) !== raw[1]) {
      lines[index] = `# ${stripNumberPrefix(raw[1])}`;
      read.body = lines.join('\n');
    }
  }
  return read;
}
