import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { ciTagValues, githubActionsContext } from '../../metrics/ci-context';
import { sendMetrics } from '../../metrics/datadog';
import { computeDora, DoraInputError, FAILURE_SIGNALS, reportJson, resolveWindow, type DoraReport, type FailureSignal } from '../../metrics/dora';
import { toDatadogSeries } from '../../metrics/dora/datadog-series';
import { assertPrometheusPrefix, pushToGateway, toPrometheusText } from '../../metrics/dora/prometheus';
import { renderMarkdown, renderText } from '../../metrics/dora/render';
import { appendStepSummary } from '../../metrics/github-step-summary';
import type { DoraExecutorSchema } from './schema';

/** Nx gives arrays from project.json and usually from the CLI; accept "a,b" too. */
function list(value: string[] | string | undefined, fallback: readonly string[]): string[] {
  if (value === undefined) return [...fallback];
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
  return items.length ? items : [...fallback];
}

function failureSignals(value: DoraExecutorSchema['failureSignals']): FailureSignal[] {
  const signals = list(value, FAILURE_SIGNALS);
  const unknown = signals.filter((s) => !(FAILURE_SIGNALS as readonly string[]).includes(s));
  if (unknown.length) throw new DoraInputError(`--failureSignals: unknown ${unknown.join(', ')}; use ${FAILURE_SIGNALS.join(', ')}`);
  return signals as FailureSignal[];
}

/**
 * `nx run <root project>:dora`: the four DORA keys of the workspace's git history (+ events).
 * Exit code 1 on bad input (not a git repository, shallow clone, no matching tags, unreadable
 * events file); delivery problems (Datadog, Pushgateway) are reported and only fail with --failOnError.
 */
export default async function doraExecutor(options: DoraExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const json = options.format === 'json';
  // With --format=json stdout carries only the JSON; everything else goes to stderr.
  const log = { info: (m: string) => (json ? process.stderr : process.stdout).write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`) };
  const at = (path: string) => (isAbsolute(path) ? path : join(context.root, path));

  let report: DoraReport;
  try {
    const prefix = options.prometheusPrefix ?? 'dora';
    assertPrometheusPrefix(prefix);
    report = computeDora({
      root: context.root,
      window: resolveWindow({ since: options.since, until: options.until, days: options.days }, Date.now()),
      deploymentSource: options.deploymentSource ?? 'auto',
      tagPattern: options.tagPattern ?? 'v*',
      branch: options.branch ?? 'HEAD',
      events: options.events ? at(options.events) : undefined,
      labels: { team: options.team ?? '', service: options.service ?? '', environment: options.environment ?? 'production' },
      environments: list(options.environments, ['production']),
      failureSignals: failureSignals(options.failureSignals),
      includeMergeCommits: options.includeMergeCommits ?? false,
      naiveTimestamps: options.naiveTimestamps ?? 'reject',
    });
  } catch (error) {
    log.warn(`dora: ${(error as Error).message}`);
    return { success: false };
  }

  for (const p of report.problems) log.warn(`dora: warning: ${p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : ''}${p.message}`);
  if (json) process.stdout.write(`${reportJson(report)}\n`);
  else log.info(renderText(report));
  if (options.outputFile) writeOut(at(options.outputFile), `${reportJson(report)}\n`, log);
  if (options.summary !== false) {
    const file = appendStepSummary(renderMarkdown(report));
    if (file) log.info(`dora: summary appended to ${file}`);
  }

  let delivered = true;
  const text = toPrometheusText(report, options.prometheusPrefix ?? 'dora');
  if (options.prometheus) writeOut(at(options.prometheus), text, log);
  if (options.pushgateway) {
    const pushed = await pushToGateway(options.pushgateway, options.pushgatewayJob ?? 'dora', text);
    (pushed.ok ? log.info : log.warn)(`dora: ${pushed.message}`);
    delivered &&= pushed.ok;
  }
  if (options.datadog !== false) {
    const ci = Object.entries(ciTagValues(githubActionsContext())).flatMap(([k, v]) => (v ? [`${k}:${v}`] : []));
    const series = toDatadogSeries(report, { prefix: options.metricPrefix ?? 'fx.dora', nowSeconds: Math.floor(Date.now() / 1000), tags: [...ci, ...list(options.tags, [])] });
    try {
      const sent = await sendMetrics(series, {
        apiUrl: options.apiUrl,
        site: options.site,
        apiKeyEnv: options.apiKeyEnv,
        dryRun: options.dryRun,
        dryRunFile: at(options.dryRunFile ?? 'tmp/dora/datadog-payload.ndjson'),
        logger: log,
      });
      if (!sent.dryRun) (sent.ok ? log.info : log.warn)(`dora: Datadog accepted ${sent.accepted.series} of ${sent.series} series (${sent.endpoint})`);
      delivered &&= sent.ok;
    } catch (error) {
      // Only a malformed --apiUrl / site gets here; delivery faults are in the send report.
      log.warn(`dora: Datadog: ${(error as Error).message}`);
      delivered = false;
    }
  }
  return { success: delivered || !options.failOnError };
}

function writeOut(path: string, text: string, log: { info(m: string): void }): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  log.info(`dora: wrote ${path}`);
}
