import { applyDecisionLog, isDecisionLogCurrent, LOG_START_RE } from '../../adr/decision-log';
import type { AdrDocument } from '../../adr/types';
import type { Finding } from '../findings';

/** `<dir>/README.md` must hold the decision log as the ADRs say it now. */
export function checkDecisionLog(dir: string, readme: string | null, adrs: readonly AdrDocument[]): Finding[] {
  const file = `${dir}/README.md`;
  const fix = { kind: 'decision-log' as const, path: file };
  if (readme === null) {
    return [{ file, line: 1, column: 1, severity: 'warning', code: 'decision-log/missing', message: `there is no decision log (${file})`, hint: '`adr-check --fix` writes one.', fix }];
  }
  const start = LOG_START_RE.exec(readme);
  if (!start) {
    return [{ file, line: 1, column: 1, severity: 'warning', code: 'decision-log/missing', message: 'README.md has no decision log (no <!-- adr-log:start --> marker)', hint: '`adr-check --fix` appends one.', fix }];
  }
  if (isDecisionLogCurrent(readme, [...adrs])) return [];
  const line = readme.slice(0, start.index).split('\n').length;
  const expected = applyDecisionLog(readme, [...adrs]);
  const changed = diffRows(readme, expected);
  return [
    {
      file,
      line,
      column: 1,
      severity: 'error',
      code: 'decision-log/stale',
      message: `the decision log is out of date (${changed})`,
      hint: 'Run `nx run-many -t adr-check --fix` and commit README.md (`nx g @fx/adr-nx:adr` keeps it current).',
      fix,
    },
  ];
}

/** "ADR-0003 missing, ADR-0001 changed": which table rows differ, for the message. */
function diffRows(current: string, expected: string): string {
  const rows = (text: string) => new Map(text.split('\n').filter((l) => /^\| \[/.test(l)).map((l) => [/\[([^\]]+)\]/.exec(l)?.[1] ?? l, l] as const));
  const have = rows(current);
  const want = rows(expected);
  const parts: string[] = [];
  for (const [id, row] of want) {
    if (!have.has(id)) parts.push(`${id} missing`);
    else if (have.get(id) !== row) parts.push(`${id} changed`);
  }
  for (const id of have.keys()) if (!want.has(id)) parts.push(`${id} listed but gone`);
  if (parts.length === 0) return 'rows out of order or edited between the markers';
  return parts.length > 5 ? `${parts.slice(0, 5).join(', ')} and ${parts.length - 5} more` : parts.join(', ');
}
