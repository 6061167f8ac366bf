import { readAdrDirectory } from '../../adr/directory';
import type { FileSource } from '../../adr/file-source';
import type { AdrDocument } from '../../adr/types';
import type { Finding } from '../findings';
import { checkDate, latestToday } from './dates';
import { checkDecisionLog } from './decision-log';
import { checkFileName } from './file-name';
import { checkLinks } from './links';
import { checkDuplicateNumbers } from './numbers';
import { checkSupersession } from './supersession';

export interface DocumentCheckOptions {
  /** YYYY-MM-DD after which a date is "in the future" (default: the latest date on Earth now). */
  today?: string;
}

export interface DocumentCheckResult {
  findings: Finding[];
  adrs: AdrDocument[];
  /** Number of ADR files looked at (parsed or not). */
  fileCount: number;
}

// The model's own diagnostics that `--fix` can repair by rewriting the text.
const TEXT_FIXES = new Set(['file/bom', 'file/crlf']);

function nextFreeNumber(adrs: readonly AdrDocument[]): number {
  const max = Math.max(0, ...adrs.map((a) => a.number ?? 0));
  return Math.min(max + 1, 9999);
}

/**
 * Every check of the ADR documents in `dir`: the model's parse diagnostics (schema, YAML, H1,
 * BOM...), then names, numbers, supersession links, relative links, dates and the decision
 * log. One bad file never stops the others.
 */
export function checkDocuments(source: FileSource, dir: string, options: DocumentCheckOptions = {}): DocumentCheckResult {
  const read = readAdrDirectory(source, dir);
  const findings: Finding[] = [...read.diagnostics];
  if (!read.exists) return { findings, adrs: [], fileCount: 0 };
  const { adrs } = read;
  const today = options.today ?? latestToday();
  const next = nextFreeNumber(adrs);

  let unnumbered = 0;
  for (const adr of adrs) {
    // Unnumbered files get successive suggestions, so renaming them all as suggested works.
    const suggested = adr.number ?? Math.min(next + unnumbered++, 9999);
    for (const d of adr.diagnostics) findings.push(TEXT_FIXES.has(d.code) ? { ...d, fix: { kind: 'normalize-text', path: adr.path } } : d);
    findings.push(...checkFileName(adr, suggested), ...checkDate(adr, today), ...checkLinks(adr, source, adrs));
  }
  findings.push(...checkDuplicateNumbers(adrs, next), ...checkSupersession(adrs));
  const readmePath = `${dir}/README.md`;
  let readme: string | null = null;
  try {
    readme = source.exists(readmePath) ? source.read(readmePath) : null;
  } catch (error) {
    findings.push({ file: readmePath, line: 1, column: 1, severity: 'error', code: 'file/unreadable', message: `cannot read the decision log: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, hint: 'Make README.md a readable file.' });
    return { findings, adrs, fileCount: adrs.length + read.diagnostics.length };
  }
  findings.push(...checkDecisionLog(dir, readme, adrs));
  return { findings, adrs, fileCount: adrs.length + read.diagnostics.filter((d) => d.code === 'file/unreadable').length };
}
