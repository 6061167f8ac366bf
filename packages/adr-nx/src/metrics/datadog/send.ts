import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeDryRun } from './dry-run';
import { resolveApiKey, resolveEndpoint } from './endpoint';
import { explainOutcome, isRetryable } from './explain';
import { preparePayloads, type Payload } from './payload';
import { redact } from './redact';
import { createSubmitSeries, withQuietClient, type AttemptOutcome, type SubmitSeries } from './transport';
import type { MetricSeries, RetryPolicy, SendLogger, SendOptions, SendReport } from './types';

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };
export const DEFAULT_TIMEOUT_MS = 15_000;

const silent: SendLogger = { info: () => undefined, warn: () => undefined };

export function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * How long to wait before the next attempt, or null when the intake asks for longer than we
 * are willing to wait (the data then stays with the caller for its next run).
 */
export function retryDelayMs(outcome: AttemptOutcome, attempt: number, policy: RetryPolicy, random = Math.random): number | null {
  if (outcome.kind === 'http' && outcome.status === 429 && outcome.rateLimitResetSeconds !== undefined) {
    const ms = Math.max(0, outcome.rateLimitResetSeconds) * 1000;
    return ms > policy.maxDelayMs ? null : ms;
  }
  // Exponential backoff with jitter in [50 %, 100 %] so parallel CI jobs do not retry in step.
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp * (0.5 + random() / 2));
}

function emptyReport(endpoint: string, buildMs: number, payloads: Payload[]): SendReport {
  return {
    dryRun: false,
    endpoint,
    requests: 0,
    attempts: 0,
    bytes: payloads.reduce((n, p) => n + p.gzipBytes, 0),
    rawBytes: payloads.reduce((n, p) => n + p.rawBytes, 0),
    series: payloads.reduce((n, p) => n + p.series.length, 0),
    points: payloads.reduce((n, p) => n + p.points, 0),
    accepted: { series: 0, points: 0, requests: 0, groups: [] },
    rejected: [],
    dropped: [],
    emptyGroups: [],
    warnings: [],
    buildMs,
    ok: true,
  };
}

/**
 * Sends metric series to Datadog (POST /api/v2/series) — or, without an API key, does a dry
 * run that prints a summary table and writes the exact request bodies to `dryRunFile`.
 *
 * - Never throws for delivery problems: every fault ends up in the report (`rejected`,
 *   `dropped`, `warnings`) with an explanation; `ok` is false when a payload was rejected.
 *   It throws only for a malformed `apiUrl` / site.
 * - Payloads are cut to the intake's limits and gzipped; points outside the intake's window
 *   (older than 1 h, more than 10 min ahead) are dropped and counted in `dropped`.
 * - Retries 429 (honouring `x-ratelimit-reset`), 408, 5xx, timeouts and network errors with
 *   backoff; 400/403/413 are explained and not retried (after a 403 nothing more is sent).
 * - The API key never appears in anything it prints, writes or returns.
 */
export async function sendMetrics(series: readonly MetricSeries[], options: SendOptions = {}): Promise<SendReport> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? silent;
  const now = options.now ?? Date.now;
  const endpoint = resolveEndpoint(options, env);
  if (endpoint.warning) logger.warn(endpoint.warning);
  const apiKey = resolveApiKey(options, env);

  const started = performance.now();
  const prepared = preparePayloads(series, { groupOf: options.groupOf, nowMs: now(), limits: options.limits });
  const report = emptyReport(endpoint.seriesUrl, Math.round(performance.now() - started), prepared.payloads);
  report.dropped = prepared.dropped;
  report.emptyGroups = prepared.emptyGroups;
  for (const d of prepared.dropped) {
    const span = d.from !== undefined ? ` (${new Date(d.from * 1000).toISOString()} .. ${new Date((d.to ?? d.from) * 1000).toISOString()})` : '';
    logger.warn(`${d.metric}: ${d.points} point(s) not sent: ${d.reason}${span}; Datadog's intake would discard them.`);
  }

  if (options.dryRun || !apiKey.key) {
    report.dryRun = true;
    report.dryRunReason = options.dryRun ? 'dry run requested' : `${apiKey.source} is not set`;
    report.file = writeDryRun(prepared.payloads, { file: options.dryRunFile, endpoint: endpoint.seriesUrl, reason: report.dryRunReason, logger });
    return report;
  }

  const key = apiKey.key;
  const say = (text: string) => redact(text, key);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const total = prepared.payloads.length;
  if (total === 0) return report;
  logger.info(say(`Datadog: sending ${report.series} series (${report.points} points) in ${total} payload(s), ${kb(report.bytes)} gzip, to ${endpoint.seriesUrl}`));

  const submit = createSubmitSeries({ baseUrl: endpoint.baseUrl, apiKey: key, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const acceptedPerGroup = new Map<string, number>();
  let refusedKey: string | null = null;

  await withQuietClient(async () => {
    for (const [index, payload] of prepared.payloads.entries()) {
      const label = total > 1 ? `payload ${index + 1}/${total}` : 'payload';
      if (refusedKey) {
        report.rejected.push({ status: 403, reason: `not sent: ${refusedKey}`, series: payload.series.length, points: payload.points, attempts: 0, groups: [...payload.groups] });
        continue;
      }
      report.requests++;
      const { outcome, attempts, reason } = await deliver(submit, payload, { policy, label, say, logger, endpoint: endpoint.seriesUrl, keySource: apiKey.source });
      report.attempts += attempts;
      if (outcome.kind === 'accepted') {
        // The estimate (zlib level 1) gives way to what the client actually sent.
        if (outcome.bytes !== undefined) report.bytes += outcome.bytes - payload.gzipBytes;
        report.accepted.requests++;
        report.accepted.series += payload.series.length;
        report.accepted.points += payload.points;
        for (const e of outcome.errors) report.warnings.push(say(`${label}: the intake reported: ${e}`));
        const completed: string[] = [];
        for (const g of payload.groups) {
          const n = (acceptedPerGroup.get(g) ?? 0) + 1;
          acceptedPerGroup.set(g, n);
          if (n === prepared.payloadsPerGroup.get(g)) completed.push(g);
        }
        report.accepted.groups.push(...completed);
        if (completed.length) options.onAccepted?.(completed);
        logger.info(`Datadog: ${label} accepted (${payload.series.length} series, ${kb(payload.gzipBytes)}).`);
      } else {
        report.rejected.push({ status: outcome.kind === 'http' ? outcome.status : undefined, reason, series: payload.series.length, points: payload.points, attempts, groups: [...payload.groups] });
        logger.warn(`Datadog: ${label} not delivered: ${reason}`);
        if (outcome.kind === 'http' && outcome.status === 403) refusedKey = 'the API key was refused (403) on an earlier payload';
      }
    }
  });
  for (const w of report.warnings) logger.warn(w);
  report.ok = report.rejected.length === 0;
  return report;
}

/** One payload through the retry policy: the last outcome, how many attempts, and the explanation. */
async function deliver(
  submit: SubmitSeries,
  payload: Payload,
  ctx: { policy: RetryPolicy; label: string; say: (t: string) => string; logger: SendLogger; endpoint: string; keySource: string },
): Promise<{ outcome: AttemptOutcome; attempts: number; reason: string }> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await submit(payload.series);
    if (outcome.kind === 'accepted') return { outcome, attempts: attempt, reason: '' };
    const why = ctx.say(explainOutcome(outcome, { endpoint: ctx.endpoint, keySource: ctx.keySource }));
    if (!isRetryable(outcome)) return { outcome, attempts: attempt, reason: why };
    if (attempt > ctx.policy.retries) return { outcome, attempts: attempt, reason: `${why} Gave up after ${attempt} attempts.` };
    const wait = retryDelayMs(outcome, attempt, ctx.policy);
    if (wait === null) {
      return { outcome, attempts: attempt, reason: `${why} The rate limit resets later than the ${Math.round(ctx.policy.maxDelayMs / 1000)} s this step waits; gave up.` };
    }
    ctx.logger.warn(`Datadog: ${ctx.label}: ${why} Retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${ctx.policy.retries + 1}).`);
    await sleep(wait);
  }
}
