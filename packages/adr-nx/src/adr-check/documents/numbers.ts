import { formatAdrId, type AdrDocument } from '../../adr/types';
import type { Finding } from '../findings';

/** Two files with one number (typically two branches that both added 0042): an error on each. */
export function checkDuplicateNumbers(adrs: readonly AdrDocument[], nextNumber: number): Finding[] {
  const byNumber = new Map<number, AdrDocument[]>();
  for (const adr of adrs) if (adr.number !== null) byNumber.set(adr.number, [...(byNumber.get(adr.number) ?? []), adr]);
  const findings: Finding[] = [];
  for (const [number, same] of byNumber) {
    if (same.length < 2) continue;
    for (const adr of same) {
      const others = same.filter((o) => o !== adr).map((o) => o.fileName);
      findings.push({
        file: adr.path,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'number/duplicate',
        message: `${formatAdrId(number)} is used by ${same.length} files: this one and ${others.join(', ')}`,
        hint: `Keep the number on the ADR that was merged first; renumber the other to ${formatAdrId(nextNumber)} (the next free number) and update links to it.`,
      });
    }
  }
  return findings;
}
