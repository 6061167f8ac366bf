/**
 * The shapes of the one Datadog sender (`sendMetrics`), shared by report-timings and dora.
 * `MetricSeries` is Datadog's v2 series (POST /api/v2/series) in its JSON shape, so a value
 * built here is exactly what the intake receives (see payload.ts).
 */

/** v2 series `type`: 0 unspecified, 1 count, 2 rate, 3 gauge. (v2 series has no distribution type.) */
export const MetricType = { unspecified: 0, count: 1, rate: 2, gauge: 3 } as const;
export type MetricType = (typeof MetricType)[keyof typeof MetricType];

export interface MetricPoint {
  /** Seconds since the epoch (integer); Datadog drops points > 1 h old or > 10 min ahead. */
  timestamp: number;
  value: number;
}

export interface MetricSeries {
  metric: string;
  type: MetricType;
  points: MetricPoint[];
  /** `key:value` (or bare `value`) tags; sanitised to Datadog's rules by the sender. */
  tags?: string[];
  /** Datadog unit name, e.g. `second`, `byte`, `task`. */
  unit?: string;
  /** For count and rate: the interval in seconds the value covers. */
  interval?: number;
  /** E.g. `[{ name: 'ci-runner-1', type: 'host' }]`. */
  resources?: Array<{ name: string; type: string }>;
}

/** Where progress, warnings and explanations go; @nx/devkit's `logger` fits. */
export interface SendLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface RetryPolicy {
  /** Retries after the first attempt (429, 408, 5xx, timeouts, network errors). Default 3. */
  retries: number;
  /** First backoff; doubles each retry, with jitter. Default 1000 ms. */
  baseDelayMs: number;
  /** Longest single wait, also the cap on `x-ratelimit-reset`. Default 30 000 ms. */
  maxDelayMs: number;
}

export interface SendOptions {
  /** The API key itself. Prefer `apiKeyEnv`: a key passed here is still never printed. */
  apiKey?: string;
  /** Environment variable holding the key. Default `DD_API_KEY`. No key -> dry run. */
  apiKeyEnv?: string;
  /** Datadog site: `datadoghq.com` (default, or DD_SITE), `datadoghq.eu`, `us5.datadoghq.com`, ... */
  site?: string;
  /** Base URL replacing the site (a proxy or a test intake), e.g. `http://127.0.0.1:8126`. Default DD_API_URL. */
  apiUrl?: string;
  /** Force a dry run even when a key is set. */
  dryRun?: boolean;
  /** Dry run: where the exact request bodies go (NDJSON, one body per line). Nothing is written when unset. */
  dryRunFile?: string;
  logger?: SendLogger;
  /** Environment to read DD_API_KEY/DD_SITE/DD_API_URL from. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Per-attempt timeout. Default 15 000 ms. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Which caller-side group each series belongs to (e.g. the recorded Nx run it came from).
   * Series of one group go in the same request when they fit, and the report says which groups
   * were accepted in full, so the caller can mark exactly those as sent.
   */
  groupOf?: (series: MetricSeries, index: number) => string;
  /** Called after each accepted request with the groups now accepted in full (e.g. to journal them at once). */
  onAccepted?: (groups: string[]) => void;
  /** Clock for the intake's time window; default `Date.now`. */
  now?: () => number;
  /** Payload limits; defaults are the intake's (512 000 bytes compressed, 5 242 880 decompressed). */
  limits?: Partial<PayloadLimits>;
}

export interface PayloadLimits {
  /** Largest gzip body. */
  compressedBytes: number;
  /** Largest JSON body before compression. */
  decompressedBytes: number;
}

export type DroppedReason = 'older than 1 h' | 'more than 10 min ahead' | 'not a finite number' | 'no points';

export interface DroppedPoints {
  metric: string;
  reason: DroppedReason;
  points: number;
  /** Oldest and newest timestamp among the dropped points (seconds). */
  from?: number;
  to?: number;
}

export interface RejectedPayload {
  /** HTTP status, or undefined for a timeout / network error. */
  status?: number;
  /** What went wrong and what to do, never containing the key. */
  reason: string;
  series: number;
  points: number;
  attempts: number;
  groups: string[];
}

export interface SendReport {
  dryRun: boolean;
  /** Why it was a dry run, e.g. `DD_API_KEY is not set`. */
  dryRunReason?: string;
  /** The exact request bodies, when `dryRunFile` was given. */
  file?: string;
  /** The URL posted to (never contains the key). */
  endpoint: string;
  /** Payloads (one POST each, retries not counted). */
  requests: number;
  /** HTTP attempts including retries. */
  attempts: number;
  /** Gzip bytes of all payloads: as sent for accepted payloads, else an upper-bound estimate. */
  bytes: number;
  /** JSON bytes of all payloads before compression. */
  rawBytes: number;
  series: number;
  points: number;
  accepted: { series: number; points: number; requests: number; groups: string[] };
  rejected: RejectedPayload[];
  dropped: DroppedPoints[];
  /** Groups with nothing left to send (every point was dropped). */
  emptyGroups: string[];
  /** The intake's own per-series errors from a 202 answer, and other non-fatal notes. */
  warnings: string[];
  /** Milliseconds spent building payloads (sanitise, split, gzip) — not network time. */
  buildMs: number;
  /** No payload rejected (dropped points are reported in `dropped` but do not make this false). */
  ok: boolean;
}
