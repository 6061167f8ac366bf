import type { Finding } from '../findings';
import { allFindings, countBySeverity, type CheckReport } from './check-report';

function plain({ fix, ...f }: Finding): Omit<Finding, 'fix'> & { fixable: boolean } {
  return { ...f, fixable: fix !== undefined };
}

/** `--format=json`: one object per task, stable keys, findings without internal fix plans. */
export function formatJson(report: CheckReport): string {
  const { errors, warnings } = countBySeverity(allFindings(report));
  const compliance = report.compliance && 'findings' in report.compliance ? { rules: report.compliance.rules, findings: report.compliance.findings.map(plain) } : report.compliance;
  return JSON.stringify(
    {
      project: report.project,
      adrDirectory: report.adrDirectory,
      success: errors === 0,
      errors,
      warnings,
      documents: report.documents ? { fileCount: report.documents.fileCount, findings: report.documents.findings.map(plain) } : undefined,
      compliance,
      fixed: report.fixed,
    },
    null,
    2,
  );
}
