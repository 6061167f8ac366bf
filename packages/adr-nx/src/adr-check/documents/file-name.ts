import { BACKSTAGE_ADR_FILE, CANONICAL_ADR_FILE, formatAdrNumber, slugify } from '../../adr/naming';
import type { AdrDocument } from '../../adr/types';
import type { Finding } from '../findings';

/** The canonical name closest to the current one: `number` and the old name's slug, lowercased. */
export function canonicalFileName(adr: AdrDocument, number: number): string {
  const stem = adr.fileName.replace(/\.md$/i, '').replace(/^\d+-/, '');
  const slug = slugify(stem) || slugify(adr.title ?? '') || 'decision';
  return `${formatAdrNumber(number)}-${slug}.md`;
}

/**
 * Names Backstage's ADR plugin would not list (error), names with capitals that break its
 * deep links (error), and other names that are not `NNNN-lowercase-slug.md` (warning).
 */
export function checkFileName(adr: AdrDocument, suggestedNumber: number): Finding[] {
  const suggestion = canonicalFileName(adr, adr.number ?? suggestedNumber);
  const hint = `Rename it, e.g. \`git mv ${adr.path} ${adr.path.slice(0, -adr.fileName.length)}${suggestion}\`, and update links to it.`;
  const at = { file: adr.path, line: 1, column: 1 };
  if (!BACKSTAGE_ADR_FILE.test(adr.fileName)) {
    return [{ ...at, severity: 'error', code: 'file-name/backstage', message: `"${adr.fileName}" does not start with four digits and a dash, so Backstage's ADR plugin does not list it`, hint }];
  }
  if (adr.fileName !== adr.fileName.toLowerCase()) {
    return [{ ...at, severity: 'error', code: 'file-name/case', message: `"${adr.fileName}" has capital letters; Backstage's deep links to ADRs need lowercase names`, hint }];
  }
  if (!CANONICAL_ADR_FILE.test(adr.fileName)) {
    return [{ ...at, severity: 'warning', code: 'file-name/canonical', message: `"${adr.fileName}" is not a canonical ADR name (NNNN-lowercase-ascii-slug.md)`, hint }];
  }
  return [];
}
