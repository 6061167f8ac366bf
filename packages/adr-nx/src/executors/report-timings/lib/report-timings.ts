import { relative } from 'node:path';
import { githubActionsContext } from '../../../metrics/ci-context';
import { redact, resolveApiKey, sendMetrics, type SendLogger, type SendReport } from '../../../metrics/datadog';
import { kb } from '../../../metrics/datadog/send';
import { appendStepSummary } from '../../../metrics/github-step-summary';
import { buildTimingSeries } from '../../../metrics/timings/series';
import { timingsDirectory, TimingsStore, type UnreadableLine } from '../../../metrics/timings/store';
import { summarize, summaryMarkdown, summaryText } from '../../../metrics/timings/summary';
import type { ReportTimingsExecutorSchema } from '../schema';

export interface ReportTimingsEnvironment {
  /** Workspace root. */
  root: string;
  env: Record<string, string | undefined>;
  logger: SendLogger & { error(message: string): void };
  now?: () => number;
}

export interface ReportTimingsResult {
  success: boolean;
  /** Runs delivered by this call. */
  sentRuns: number;
  /** Runs kept for the next call (not delivered). */
  keptRuns: number;
  report?: SendReport;
}

const list = (value: string[] | string | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

function describeUnreadable(lines: UnreadableLine[], root: string): string {
  const shown = lines.slice(0, 5).map((u) => `  ${relative(root, u.file)}:${u.line}: ${u.reason}`);
  if (lines.length > 5) shown.push(`  ... and ${lines.length - 5} more`);
  return shown.join('\n');
}

/**
 * report-timings without the Nx plumbing: takes the recorded runs over, sends them through the
 * Datadog sender, journals what was accepted, keeps the rest for next time, and writes the
 * job summary. Never throws for delivery problems; `success` is false only with failOnError.
 */
export async function reportTimings(options: ReportTimingsExecutorSchema, ctx: ReportTimingsEnvironment): Promise<ReportTimingsResult> {
  const { root, env, logger } = ctx;
  const now = ctx.now ?? Date.now;
  const store = new TimingsStore(timingsDirectory(root, env));
  const dryRun = Boolean(options.dryRun) || !resolveApiKey(options, env).key;
  const failed = (why: string): ReportTimingsResult => {
    logger.error(why);
    return { success: !options.failOnError, sentRuns: 0, keptRuns: 0 };
  };

  const unlock = dryRun ? () => undefined : store.lock();
  if (!unlock) {
    logger.warn(`Another report-timings is running in this workspace (${relative(root, store.dir)}/report.lock); nothing sent by this one.`);
    return { success: true, sentRuns: 0, keptRuns: 0 };
  }
  try {
    if (!dryRun) store.claim(`${now()}-${process.pid}`);
    const read = store.read({ includeUnclaimed: dryRun });
    if (read.unreadable.length) {
      const kept = dryRun ? null : store.appendSideFile('unreadable.ndjson', read.unreadable);
      logger.warn(`${read.unreadable.length} recorded line(s) could not be read and were set aside${kept ? ` in ${relative(root, kept)}` : ''}:\n${describeUnreadable(read.unreadable, root)}`);
    }
    if (read.alreadySent) logger.info(`${read.alreadySent} recorded run(s) were already sent earlier; not sent again.`);
    if (read.runs.length === 0) {
      logger.info('No recorded Nx runs to report. (Runs are recorded by the @fx/adr-nx plugin after each nx run-many / affected / run.)');
      if (!dryRun) store.settle(read, () => false);
      return { success: true, sentRuns: 0, keptRuns: 0 };
    }

    const ci = githubActionsContext(env);
    const built = buildTimingSeries(
      read.runs.map((r) => r.run),
      {
        prefix: options.metricPrefix || 'fx.nx',
        omitTags: new Set(list(options.omitTags)),
        tags: list(options.tags),
        ci,
        timestamps: options.timestamps ?? 'recorded',
        nowMs: now(),
      },
    );
    if (built.late.length) {
      const file = dryRun ? null : store.appendSideFile('expired.ndjson', built.late);
      const runs = new Set(built.late.map((l) => l.runId)).size;
      logger.warn(
        `${built.late.length} task(s) from ${runs} run(s) ended outside the window Datadog's intake accepts (${[...new Set(built.late.map((l) => l.reason))].join(', ')}), so they are not sent` +
          `${file ? `; they are kept in ${relative(root, file)}` : ''}. Run report-timings after each nx command, or use --timestamps=now for CI jobs longer than an hour.`,
      );
    }
    const summary = summarize(built.timings, options.slowest ?? 10);
    logger.info(summaryText(summary));

    const report = await sendMetrics(built.series, {
      apiKeyEnv: options.apiKeyEnv,
      site: options.site,
      apiUrl: options.apiUrl,
      dryRun: options.dryRun,
      dryRunFile: options.payloadFile ?? `${store.dir}/dry-run-payload.ndjson`,
      env,
      logger,
      now,
      timeoutMs: options.timeoutMs,
      retry: {
        ...(options.maxRetries !== undefined ? { retries: options.maxRetries } : {}),
        ...(options.maxWaitSeconds !== undefined ? { maxDelayMs: options.maxWaitSeconds * 1000 } : {}),
      },
      groupOf: (_, i) => built.runOf[i],
      onAccepted: (runIds) => store.markSent(runIds),
    });

    const withSeries = new Set(built.runOf);
    const accepted = new Set(report.accepted.groups);
    const keptRuns = dryRun ? read.runs.length : read.runs.filter((r) => withSeries.has(r.run.id) && !accepted.has(r.run.id)).length;
    if (!dryRun) store.settle(read, (run) => withSeries.has(run.id) && !accepted.has(run.id));

    const delivery = dryRun
      ? `Dry run (${report.dryRunReason}): nothing sent to Datadog.`
      : `Sent ${accepted.size} run(s) to Datadog: ${report.accepted.series} series in ${report.accepted.requests} request(s), ${kb(report.bytes)} gzip.` +
        (keptRuns ? ` ${keptRuns} run(s) not delivered are kept for the next report-timings.` : '');
    logger.info(delivery);
    if (options.summary !== false) appendStepSummary(summaryMarkdown(summary, delivery, ci), env);
    return { success: report.ok || !options.failOnError, sentRuns: dryRun ? 0 : accepted.size, keptRuns, report };
  } catch (error) {
    const key = resolveApiKey(options, env).key;
    return failed(redact(`report-timings: ${error instanceof Error ? error.message : String(error)}`, key));
  } finally {
    unlock();
  }
}
