import { sortFindings, type Finding } from '../findings';
import { allFindings, countBySeverity, plural, type CheckReport } from './check-report';

function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of sortFindings([...findings])) groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
  return groups;
}

function renderGroup(findings: Finding[]): string[] {
  const lines: string[] = [];
  for (const [file, items] of groupByFile(findings)) {
    lines.push(`  ${file}`);
    for (const f of items) {
      lines.push(`    ${`${f.line}:${f.column}`.padEnd(7)} ${f.severity.padEnd(7)} ${f.message}  [${f.code}]`);
      if (f.hint) lines.push(`    ${''.padEnd(7)} ${''.padEnd(7)} fix: ${f.hint}`);
    }
  }
  return lines;
}

/** Readable output: documents grouped by file, then the project's compliance, then one summary line. */
export function formatText(report: CheckReport): string {
  const lines: string[] = [];
  if (report.fixed.length) lines.push(`Fixed ${plural(report.fixed.length, 'file')}: ${report.fixed.join(', ')}`, '');
  if (report.documents) {
    const { errors, warnings } = countBySeverity(report.documents.findings);
    lines.push(`ADR documents in ${report.adrDirectory}: ${plural(report.documents.fileCount, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
    lines.push(...renderGroup(report.documents.findings));
  }
  if (report.compliance && 'skipped' in report.compliance) {
    lines.push(`Project "${report.project}": compliance not checked (${report.compliance.skipped})`);
  } else if (report.compliance) {
    const { errors, warnings } = countBySeverity(report.compliance.findings);
    lines.push(`Project "${report.project}" against ${plural(report.compliance.rules, 'rule')} of the ADRs: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
    lines.push(...renderGroup(report.compliance.findings));
  }
  const total = countBySeverity(allFindings(report));
  const fixable = allFindings(report).filter((f) => f.fix).length;
  lines.push(
    total.errors > 0
      ? `✖ adr-check failed: ${plural(total.errors, 'error')}, ${plural(total.warnings, 'warning')}${fixable ? ` (${fixable} fixable with --fix)` : ''}`
      : `✔ adr-check passed${total.warnings ? ` with ${plural(total.warnings, 'warning')}` : ''}${fixable ? ` (${fixable} fixable with --fix)` : ''}`,
  );
  return lines.join('\n');
}
