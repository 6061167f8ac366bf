import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * A real HTTP server on 127.0.0.1 standing in for Datadog's metrics intake (POST /api/v2/series)
 * in specs, e2e tests and benchmarks. It checks every request the way the intake does — method,
 * path, headers, gzip, size limits, series shape, names, tags and time window — records what
 * arrived, and answers from a script (202 by default; 400 with the problems found when a
 * request is wrong, so a bad payload can never pass a test quietly).
 * Test code only: not part of the published package.
 */

export type IntakeAnswer =
  | { status: number; body?: unknown; headers?: Record<string, string>; /** answer only after this long */ delayMs?: number }
  /** Read the request, then close the connection without answering. */
  | { destroy: true };

export interface IntakeSeries {
  metric: string;
  type: number;
  points: Array<{ timestamp: number; value: number }>;
  /** Always a list here (empty when the series had none), for easy assertions. */
  tags: string[];
  unit?: string;
  interval?: number;
  resources?: Array<{ name: string; type: string }>;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Bytes on the wire (gzip). */
  compressedBytes: number;
  /** Bytes after gunzip. */
  rawBytes: number;
  /** The JSON body after gunzip. */
  body: string;
  series: IntakeSeries[];
  /** What is wrong with the request; empty when the real intake would take it. */
  problems: string[];
  /** The status sent back, or 'closed' / 'timed out by client'. */
  answer: number | 'closed';
}

export interface FakeIntake {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Series of the requests answered 202. */
  acceptedSeries(): IntakeSeries[];
  /** The one accepted series matching, or an error saying what was there. */
  series(metric: string, ...tags: string[]): IntakeSeries;
  /** Queue answers for the next requests (then 202 again). */
  answer(...answers: IntakeAnswer[]): void;
  close(): Promise<void>;
}

const LIMIT_COMPRESSED = 512_000;
const LIMIT_RAW = 5_242_880;
const METRIC_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,199}$/;
const TAG = /^\p{Ll}[\p{Ll}\p{Lo}\p{N}_\-:./]{0,199}$/u;

function checkSeries(series: unknown, nowSeconds: number, problems: string[]): IntakeSeries[] {
  if (!Array.isArray(series) || series.length === 0) {
    problems.push('body.series must be a non-empty array');
    return [];
  }
  series.forEach((s: IntakeSeries, i) => {
    const at = `series[${i}]`;
    if (typeof s?.metric !== 'string' || !METRIC_NAME.test(s.metric)) problems.push(`${at}.metric ${JSON.stringify(s?.metric)} is not a valid metric name`);
    if (![0, 1, 2, 3].includes(s?.type)) problems.push(`${at}.type ${JSON.stringify(s?.type)} is not 0-3`);
    if (!Array.isArray(s?.points) || s.points.length === 0) problems.push(`${at}.points must be a non-empty array`);
    for (const p of s?.points ?? []) {
      if (!Number.isInteger(p?.timestamp) || typeof p?.value !== 'number' || !Number.isFinite(p.value)) problems.push(`${at} has a point ${JSON.stringify(p)} without an integer timestamp and a finite value`);
      else if (p.timestamp < nowSeconds - 3600 || p.timestamp > nowSeconds + 600) problems.push(`${at} has a point at ${p.timestamp} outside the intake's window (1 h back, 10 min ahead)`);
    }
    for (const t of s?.tags ?? []) if (typeof t !== 'string' || !TAG.test(t) || t.endsWith(':')) problems.push(`${at} tag ${JSON.stringify(t)} breaks Datadog's tag rules`);
  });
  return problems.length ? [] : (series as IntakeSeries[]).map((s) => ({ ...s, tags: s.tags ?? [] }));
}

function inspect(method: string, path: string, headers: IncomingHttpHeaders, raw: Buffer, apiKey: string | undefined): Omit<ReceivedRequest, 'answer'> {
  const problems: string[] = [];
  if (method !== 'POST') problems.push(`method is ${method}, expected POST`);
  if (path !== '/api/v2/series') problems.push(`path is ${path}, expected /api/v2/series`);
  const key = headers['dd-api-key'];
  if (!key) problems.push('DD-API-KEY header missing');
  else if (apiKey !== undefined && key !== apiKey) problems.push('DD-API-KEY header does not hold the expected key');
  if (headers['content-encoding'] !== 'gzip') problems.push(`Content-Encoding is ${headers['content-encoding']}, expected gzip`);
  if (!String(headers['content-type'] ?? '').startsWith('application/json')) problems.push(`Content-Type is ${headers['content-type']}, expected application/json`);
  if (raw.length > LIMIT_COMPRESSED) problems.push(`compressed body is ${raw.length} bytes, over ${LIMIT_COMPRESSED}`);
  let body = '';
  try {
    body = headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  } catch {
    problems.push('body is not valid gzip');
  }
  const rawBytes = Buffer.byteLength(body);
  if (rawBytes > LIMIT_RAW) problems.push(`decompressed body is ${rawBytes} bytes, over ${LIMIT_RAW}`);
  let series: IntakeSeries[] = [];
  if (body) {
    try {
      series = checkSeries((JSON.parse(body) as { series?: unknown }).series, Date.now() / 1000, problems);
    } catch {
      problems.push('body is not JSON');
    }
  }
  return { method, path, headers, compressedBytes: raw.length, rawBytes, body, series, problems };
}

/** Starts the intake on a free port of 127.0.0.1. `apiKey`: the only key it accepts (any key when unset). */
export async function startFakeIntake(options: { apiKey?: string } = {}): Promise<FakeIntake> {
  const requests: ReceivedRequest[] = [];
  const queue: IntakeAnswer[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = inspect(req.method ?? '', (req.url ?? '').split('?')[0], req.headers, Buffer.concat(chunks), options.apiKey);
      const record: ReceivedRequest = { ...seen, answer: 'closed' };
      requests.push(record);
      let answer = queue.shift();
      if (!answer) {
        const forbidden = seen.problems.some((p) => p.startsWith('DD-API-KEY'));
        answer = seen.problems.length ? { status: forbidden ? 403 : 400, body: { errors: seen.problems } } : { status: 202, body: { errors: [] } };
      }
      if ('destroy' in answer) {
        req.socket.destroy();
        return;
      }
      const { status, body, headers, delayMs } = answer;
      record.answer = status;
      const send = () => {
        if (res.destroyed || req.socket.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body ?? (status === 202 ? { errors: [] } : { errors: [`status ${status}`] })));
      };
      if (delayMs) setTimeout(send, delayMs).unref();
      else send();
    });
  });
  const acceptedSeries = () => requests.filter((r) => r.answer === 202).flatMap((r) => r.series);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    acceptedSeries,
    series(metric, ...tags) {
      const found = acceptedSeries().filter((s) => s.metric === metric && tags.every((t) => s.tags.includes(t)));
      if (found.length !== 1) throw new Error(`expected one ${metric} series with ${tags.join(', ')}, found ${found.length}: ${JSON.stringify(acceptedSeries().map((s) => [s.metric, s.tags]))}`);
      return found[0];
    },
    answer: (...answers) => queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
