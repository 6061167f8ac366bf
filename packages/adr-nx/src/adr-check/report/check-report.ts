import type { Finding } from '../findings';

/** What one adr-check task found, as every output format sees it. */
export interface CheckReport {
  project: string;
  adrDirectory: string;
  /** Present when this task checked the ADR documents. */
  documents?: { fileCount: number; findings: Finding[] };
  /** Present when this task checked the project against the policy; `skipped` says why not. */
  compliance?: { findings: Finding[]; rules: number } | { skipped: string };
  /** Files `--fix` rewrote. */
  fixed: string[];
}

export function allFindings(report: CheckReport): Finding[] {
  const compliance = report.compliance && 'findings' in report.compliance ? report.compliance.findings : [];
  return [...(report.documents?.findings ?? []), ...compliance];
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
