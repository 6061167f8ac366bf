import type { WireSeries } from './payload';

/**
 * One POST /api/v2/series through @datadog/datadog-api-client's v2 MetricsApi.submitMetrics
 * (gzip via `contentEncoding`), turned into an outcome the retry loop can act on. The client's
 * own retry is off: it only covers 429/5xx, cannot honour a cap on `x-ratelimit-reset`, and
 * never retries network errors, so one loop (send.ts) handles every fault the same way.
 * The client's documented `fetch` option supplies the per-attempt timeout and lets us read
 * the response headers (its ApiException carries only status and body).
 */

export type AttemptOutcome =
  | { kind: 'accepted'; status: number; errors: string[]; /** gzip bytes the client sent */ bytes?: number }
  | { kind: 'http'; status: number; body: string; rateLimitResetSeconds?: number }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'network'; message: string };

export type SubmitSeries = (series: WireSeries[]) => Promise<AttemptOutcome>;

// The deep paths load only the v2 metrics API (~0.6 s) instead of every API (~2.5 s); the
// package root is the fallback should a future 1.x move its files.
type ClientCommon = typeof import('@datadog/datadog-api-client').client;
type ClientV2 = Pick<typeof import('@datadog/datadog-api-client').v2, 'MetricsApi'>;
type ClientLogger = typeof import('@datadog/datadog-api-client').logger;

interface LoadedClient {
  common: ClientCommon;
  v2: ClientV2;
  logger?: ClientLogger;
}

let loaded: LoadedClient | undefined;

function loadClient(): LoadedClient {
  if (loaded) return loaded;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const common = require('@datadog/datadog-api-client/dist/packages/datadog-api-client-common') as ClientCommon;
    const { MetricsApi } = require('@datadog/datadog-api-client/dist/packages/datadog-api-client-v2/apis/MetricsApi') as ClientV2;
    const { logger } = require('@datadog/datadog-api-client/dist/logger') as { logger: ClientLogger };
    loaded = { common, v2: { MetricsApi }, logger };
  } catch {
    const root = require('@datadog/datadog-api-client') as typeof import('@datadog/datadog-api-client');
    /* eslint-enable @typescript-eslint/no-require-imports */
    loaded = { common: root.client, v2: root.v2, logger: root.logger };
  }
  return loaded;
}

/**
 * Runs `fn` with the client's logger silenced: on a network error it logs the raw error with
 * console.error before rethrowing; we explain faults ourselves (and keep output key-free).
 */
export async function withQuietClient<T>(fn: () => Promise<T>): Promise<T> {
  const { logger } = loadClient();
  const level = logger?.getLevel();
  logger?.setLevel('silent', false);
  try {
    return await fn();
  } finally {
    if (logger && level !== undefined) logger.setLevel(level, false);
  }
}

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  const causeMessage = cause instanceof Error ? cause.message : '';
  return [error.message, code, causeMessage].filter(Boolean).join(': ');
}

export function createSubmitSeries(options: { baseUrl: string; apiKey: string; timeoutMs: number }): SubmitSeries {
  const { common, v2 } = loadClient();
  let lastHeaders: Headers | undefined;
  let lastBodyBytes: number | undefined;
  let timedOut = false;
  const fetchWithTimeout = async (url: string, init: RequestInit) => {
    lastHeaders = undefined;
    timedOut = false;
    lastBodyBytes = init.body instanceof Uint8Array ? init.body.byteLength : typeof init.body === 'string' ? Buffer.byteLength(init.body) : undefined;
    const signal = AbortSignal.timeout(options.timeoutMs);
    signal.addEventListener('abort', () => (timedOut = true), { once: true });
    const response = await fetch(url, { ...init, signal });
    lastHeaders = response.headers;
    return response;
  };
  const configuration = common.createConfiguration({
    baseServer: new common.BaseServerConfiguration(options.baseUrl, {}),
    authMethods: { apiKeyAuth: options.apiKey },
    enableRetry: false,
    fetch: fetchWithTimeout,
  });
  const api = new v2.MetricsApi(configuration);

  return async (series) => {
    try {
      const accepted = await api.submitMetrics({ body: { series: series as never }, contentEncoding: 'gzip' });
      return { kind: 'accepted', status: 202, errors: accepted?.errors ?? [], bytes: lastBodyBytes };
    } catch (error) {
      if (error instanceof common.ApiException) {
        const reset = Number.parseInt(lastHeaders?.get('x-ratelimit-reset') ?? '', 10);
        const body = typeof error.body === 'string' ? error.body : JSON.stringify(error.body);
        return { kind: 'http', status: error.code, body: body ?? '', rateLimitResetSeconds: Number.isFinite(reset) ? reset : undefined };
      }
      if (timedOut) return { kind: 'timeout', timeoutMs: options.timeoutMs };
      return { kind: 'network', message: errorMessage(error) };
    }
  };
}
