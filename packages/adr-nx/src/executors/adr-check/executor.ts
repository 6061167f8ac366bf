import { logger, readCachedProjectGraph, type ExecutorContext } from '@nx/devkit';
import { adrDirectoryFrom, normalizeAdrDirectory } from '../../plugin-options';
import { allFindings, countBySeverity } from '../../adr-check/report/check-report';
import { appendGithubSummary, githubAnnotations } from '../../adr-check/report/github';
import { formatJson } from '../../adr-check/report/json';
import { formatText } from '../../adr-check/report/text';
import { runAdrCheck } from '../../adr-check/run-adr-check';
import type { AdrCheckExecutorSchema } from './schema';

/**
 * `nx run <project>:adr-check`: the project's compliance with the accepted ADRs, plus the ADR
 * documents when `documents` is on. Fails (exit code 1) on errors only; warnings, including the
 * "if accepted" previews of proposed ADRs, never fail.
 */
export default async function adrCheckExecutor(options: AdrCheckExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName;
  if (!projectName) {
    logger.error('adr-check runs as a project target: nx run <project>:adr-check');
    return { success: false };
  }
  const adrDirectory = normalizeAdrDirectory(options.adrDirectory ?? adrDirectoryFrom(context.nxJsonConfiguration));
  const report = runAdrCheck({
    workspaceRoot: context.root,
    projectName,
    projectGraph: context.projectGraph ?? readCachedProjectGraph(),
    adrDirectory,
    documents: options.documents ?? false,
    fix: options.fix ?? false,
    preview: options.preview ?? true,
  });
  const findings = allFindings(report);
  const onGithub = process.env.GITHUB_ACTIONS === 'true';
  if (options.format === 'json') {
    process.stdout.write(`${formatJson(report)}\n`);
  } else {
    process.stdout.write(`${formatText(report)}\n`);
    if (onGithub && findings.length) process.stdout.write(`${githubAnnotations(findings)}\n`);
  }
  if (onGithub) appendGithubSummary(report);
  return { success: countBySeverity(findings).errors === 0 };
}
