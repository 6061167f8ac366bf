/**
 * The one Datadog sender of @fx/adr-nx (report-timings, dora).
 *
 * ```ts
 * import { sendMetrics, MetricType, tag } from '../metrics/datadog';
 * const report = await sendMetrics(
 *   [{ metric: 'fx.dora.deployments', type: MetricType.count, points: [{ timestamp: nowSeconds, value: 3 }], tags: [tag('team', 'core')!] }],
 *   { apiKeyEnv: options.apiKeyEnv, site: options.site, apiUrl: options.apiUrl, dryRunFile: 'tmp/dora-payload.ndjson', logger },
 * );
 * return { success: report.ok || !options.failOnError };
 * ```
 * No key (DD_API_KEY or the `apiKeyEnv` variable) -> dry run: a table on the logger and the exact
 * request bodies in `dryRunFile`. Delivery faults never throw; they are in `report.rejected`.
 * Tests: `startFakeIntake()` from ../testing/fake-intake is a real local intake to send to.
 */
export { sendMetrics, retryDelayMs, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from './send';
export { MetricType } from './types';
export type { MetricPoint, MetricSeries, SendOptions, SendReport, SendLogger, RetryPolicy, RejectedPayload, DroppedPoints, PayloadLimits } from './types';
export { sanitizeMetricName, sanitizeTag, tag, createTagSanitizer } from './sanitize';
export { resolveEndpoint, resolveApiKey, normalizeSite, DEFAULT_SITE, KNOWN_SITES, SERIES_PATH } from './endpoint';
export { INTAKE_LIMITS, MAX_AGE_SECONDS, MAX_AHEAD_SECONDS, outsideIntakeWindow } from './limits';
export { redact } from './redact';
