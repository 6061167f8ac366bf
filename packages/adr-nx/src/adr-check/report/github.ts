import { appendStepSummary } from '../../metrics/github-step-summary';
import { sortFindings, type Finding } from '../findings';
import { allFindings, countBySeverity, plural, type CheckReport } from './check-report';

// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=...,line=...,col=...,title=...::message` lines GitHub turns into PR annotations. */
export function githubAnnotations(findings: readonly Finding[]): string {
  return sortFindings([...findings])
    .map((f) => {
      const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`adr-check ${f.code}`)}`].join(',');
      return `::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(f.hint ? `${f.message}\n${f.hint}` : f.message)}`;
    })
    .join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown section for the job summary page: one table of findings per task. */
export function githubSummary(report: CheckReport): string {
  const findings = sortFindings(allFindings(report));
  const { errors, warnings } = countBySeverity(findings);
  const head = `### ${errors ? '❌' : '✅'} adr-check \`${report.project}\`: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (findings.length === 0) return `${head}\n\n`;
  const rows = findings.map((f) => `| ${f.severity} | \`${cell(f.file)}:${f.line}\` | ${cell(f.message)} | ${cell(f.hint ?? '')} |`);
  return [head, '', '| | Where | What | Fix |', '| --- | --- | --- | --- |', ...rows, '', ''].join('\n');
}

/** Appends the summary to $GITHUB_STEP_SUMMARY when GitHub provides one; never fails the check. */
export function appendGithubSummary(report: CheckReport, env: NodeJS.ProcessEnv = process.env): void {
  // The summary is a convenience; the annotations and exit code carry the result.
  appendStepSummary(githubSummary(report), env);
}
