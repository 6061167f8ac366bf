import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeIntake, type FakeIntake } from '../testing/fake-intake';
import { sendMetrics } from './send';
import { MetricType, type MetricSeries, type SendOptions } from './types';

const KEY = 'a1b2c3d4e5f6-test-key-0123456789ab';
const nowS = () => Math.floor(Date.now() / 1000);

function series(n: number, group = (i: number) => `run-${i % 3}`): MetricSeries[] {
  return Array.from({ length: n }, (_, i) => ({
    metric: 'fx.nx.task.duration',
    type: MetricType.gauge,
    unit: 'second',
    points: [{ timestamp: nowS() - 60, value: i / 10 }],
    tags: [`project:lib-${i}`, 'target:build', group(i).replace('-', ':')],
  }));
}

function captureLogger() {
  const lines: string[] = [];
  return { lines, logger: { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) } };
}

describe('sendMetrics against a local intake', () => {
  let intake: FakeIntake;
  let dir: string;
  const fast: SendOptions['retry'] = { retries: 3, baseDelayMs: 10, maxDelayMs: 2000 };

  beforeEach(async () => {
    intake = await startFakeIntake({ apiKey: KEY });
    dir = mkdtempSync(join(tmpdir(), 'fx-send-'));
  });
  afterEach(async () => {
    await intake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const options = (extra: Partial<SendOptions> = {}): SendOptions => ({ apiKey: KEY, apiUrl: intake.url, retry: fast, timeoutMs: 2000, env: {}, ...extra });

  it('posts gzip JSON with the key header to /api/v2/series, byte for byte what the dry run wrote', async () => {
    const input = series(5);
    const file = join(dir, 'payload.ndjson');
    const dry = await sendMetrics(input, { apiUrl: intake.url, env: {}, dryRunFile: file });
    expect(dry.dryRun).toBe(true);
    expect(intake.requests).toHaveLength(0);

    const report = await sendMetrics(input, options());
    expect(report).toMatchObject({ dryRun: false, ok: true, requests: 1, attempts: 1, series: 5, points: 5 });
    expect(intake.requests).toHaveLength(1);
    const [req] = intake.requests;
    expect(req.problems).toEqual([]);
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/v2/series');
    expect(req.headers['dd-api-key']).toBe(KEY);
    expect(req.headers['content-encoding']).toBe('gzip');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body + '\n').toBe(readFileSync(file, 'utf8'));
    expect(report.bytes).toBe(req.compressedBytes);
    expect(dry.bytes).toBeGreaterThanOrEqual(req.compressedBytes); // the dry run's estimate is an upper bound
    expect(req.series.map((s) => s.tags)).toContainEqual(['project:lib-3', 'target:build', 'run:0']);
  });

  it('sanitises metric names and tags to Datadog rules before sending', async () => {
    const report = await sendMetrics(
      [{ metric: 'fx.nx.Task Duration/p95', type: MetricType.gauge, points: [{ timestamp: nowS(), value: 1 }], tags: ['Project:@acme/Lib A', 'branch:feature/ABC-1', '::', 'Target:build'] }],
      options(),
    );
    expect(report.ok).toBe(true);
    expect(intake.requests[0].problems).toEqual([]);
    expect(intake.acceptedSeries()[0]).toMatchObject({ metric: 'fx.nx.Task_Duration_p95', tags: ['project:_acme/lib_a', 'branch:feature/abc-1', 'target:build'] });
  });

  it('splits large input into payloads under the limits, each group whole, and reports accepted groups', async () => {
    const accepted: string[][] = [];
    const input = series(300, (i) => `run-${Math.floor(i / 50)}`);
    const report = await sendMetrics(input, options({ limits: { decompressedBytes: 20_000 }, groupOf: (s) => s.tags?.[2] ?? '', onAccepted: (g) => accepted.push(g) }));
    expect(report.requests).toBeGreaterThan(1);
    expect(intake.requests.every((r) => r.problems.length === 0 && r.rawBytes <= 20_000)).toBe(true);
    expect(intake.acceptedSeries()).toHaveLength(300);
    for (const r of intake.requests) {
      const groups = new Set(r.series.map((s) => s.tags[2]));
      // A group of 50 series (~5 KB) fits in a 18 KB payload, so none is cut in two.
      for (const g of groups) expect(intake.requests.filter((o) => o.series.some((s) => s.tags[2] === g))).toHaveLength(1);
    }
    expect(report.accepted.groups.sort()).toEqual(['run:0', 'run:1', 'run:2', 'run:3', 'run:4', 'run:5']);
    expect(accepted.flat().sort()).toEqual(report.accepted.groups);
  });

  it('drops points outside the intake window and reports them instead of sending them', async () => {
    const input: MetricSeries[] = [
      { metric: 'm.old', type: MetricType.gauge, points: [{ timestamp: nowS() - 7200, value: 1 }], tags: ['g:old'] },
      { metric: 'm.ahead', type: MetricType.gauge, points: [{ timestamp: nowS() + 3600, value: 1 }], tags: ['g:ahead'] },
      { metric: 'm.ok', type: MetricType.gauge, points: [{ timestamp: nowS() - 120, value: 1 }, { timestamp: nowS() - 4000, value: 2 }], tags: ['g:ok'] },
    ];
    const { lines, logger } = captureLogger();
    const report = await sendMetrics(input, options({ logger, groupOf: (s) => s.tags?.[0] ?? '' }));
    expect(report.dropped).toEqual([
      expect.objectContaining({ metric: 'm.old', reason: 'older than 1 h', points: 1 }),
      expect.objectContaining({ metric: 'm.ahead', reason: 'more than 10 min ahead', points: 1 }),
      expect.objectContaining({ metric: 'm.ok', reason: 'older than 1 h', points: 1 }),
    ]);
    expect(report.emptyGroups.sort()).toEqual(['g:ahead', 'g:old']);
    expect(intake.acceptedSeries()).toEqual([expect.objectContaining({ metric: 'm.ok', points: [{ timestamp: nowS() - 120, value: 1 }] })]);
    expect(lines.join('\n')).toContain("m.old: 1 point(s) not sent: older than 1 h");
  });

  it.each([
    [400, 'malformed'],
    [413, 'Payload Too Large'],
  ])('explains %i and does not retry it', async (status, words) => {
    intake.answer({ status, body: { errors: ['nope'] } });
    const report = await sendMetrics(series(2), options());
    expect(report.ok).toBe(false);
    expect(report.attempts).toBe(1);
    expect(intake.requests).toHaveLength(1);
    expect(report.rejected).toEqual([expect.objectContaining({ status, attempts: 1, series: 2 })]);
    expect(report.rejected[0].reason).toContain(words);
    expect(report.rejected[0].reason).toContain('nope');
  });

  it('on 403 explains the key problem and sends nothing more', async () => {
    intake.answer({ status: 403, body: { errors: ['Forbidden'] } });
    const report = await sendMetrics(series(40), options({ apiKey: undefined, apiKeyEnv: 'MY_DD_KEY', env: { MY_DD_KEY: KEY }, limits: { decompressedBytes: 3000 } }));
    expect(intake.requests).toHaveLength(1);
    expect(report.requests).toBe(1);
    expect(report.rejected.length).toBeGreaterThan(1);
    expect(report.rejected[0].reason).toContain('MY_DD_KEY');
    expect(report.rejected[1]).toMatchObject({ attempts: 0, status: 403 });
    expect(report.accepted.series).toBe(0);
  });

  it('retries 429 after x-ratelimit-reset, then delivers', async () => {
    intake.answer({ status: 429, headers: { 'x-ratelimit-reset': '1' }, body: { errors: ['Too many requests'] } });
    const { lines, logger } = captureLogger();
    const report = await sendMetrics(series(2), options({ logger }));
    expect(report).toMatchObject({ ok: true, requests: 1, attempts: 2 });
    expect(intake.requests.map((r) => r.answer)).toEqual([429, 202]);
    expect(lines.join('\n')).toContain('(x-ratelimit-reset: 1 s). The intake said: Too many requests Retrying in 1.0 s (attempt 2 of 4)');
  });

  it('gives up at once when x-ratelimit-reset is longer than the longest wait', async () => {
    intake.answer({ status: 429, headers: { 'x-ratelimit-reset': '3600' } });
    const report = await sendMetrics(series(1), options());
    expect(report.attempts).toBe(1);
    expect(report.rejected[0].reason).toContain('resets later than the 2 s this step waits');
  });

  it('retries a 500, a timeout and a closed connection, then delivers exactly once', async () => {
    intake.answer({ status: 500, body: { errors: ['boom'] } }, { status: 202, delayMs: 1500 }, { destroy: true });
    const { lines, logger } = captureLogger();
    const report = await sendMetrics(series(3), options({ logger, timeoutMs: 300 }));
    expect(report).toMatchObject({ ok: true, requests: 1, attempts: 4 });
    expect(intake.requests.map((r) => r.answer)).toEqual([500, 202, 'closed', 202]);
    const log = lines.join('\n');
    expect(log).toContain('500: the intake had a server error');
    expect(log).toContain('within 300 ms');
    expect(log).toContain('could not reach');
  });

  it('stops after the configured retries and reports the last fault', async () => {
    intake.answer(...Array.from({ length: 5 }, () => ({ status: 503 })));
    const report = await sendMetrics(series(1), options({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 50 } }));
    expect(report.ok).toBe(false);
    expect(report.rejected[0]).toMatchObject({ status: 503, attempts: 3 });
    expect(report.rejected[0].reason).toContain('Gave up after 3 attempts');
    expect(intake.requests).toHaveLength(3);
  });

  it('never lets the key appear in output, reports or files, even when the intake echoes it', async () => {
    intake.answer({ status: 400, body: { errors: [`invalid key ${KEY}`] } }, { destroy: true }, { status: 403, body: { errors: [`key ${KEY} refused`] } });
    const { lines, logger } = captureLogger();
    const first = await sendMetrics(series(1), options({ logger }));
    const second = await sendMetrics(series(1), options({ logger }));
    const file = join(dir, 'dry.ndjson');
    const dry = await sendMetrics(series(1), options({ logger, dryRun: true, dryRunFile: file }));
    const everything = [lines.join('\n'), JSON.stringify([first, second, dry]), readFileSync(file, 'utf8')].join('\n');
    expect(everything).toContain('<redacted>');
    expect(everything).not.toContain(KEY);
    expect(intake.requests.map((r) => r.answer)).toEqual([400, 'closed', 403]);
  });

  it('without a key is a dry run: prints a table, writes the payload, sends nothing', async () => {
    const { lines, logger } = captureLogger();
    const file = join(dir, 'out', 'payload.ndjson');
    const report = await sendMetrics(series(4), { apiUrl: intake.url, env: { DD_API_KEY: '' }, logger, dryRunFile: file });
    expect(report).toMatchObject({ dryRun: true, dryRunReason: 'DD_API_KEY is not set', file, requests: 0, series: 4 });
    expect(intake.requests).toHaveLength(0);
    const log = lines.join('\n');
    expect(log).toMatch(/fx\.nx\.task\.duration\s+gauge\s+second\s+4\s+4\s+0\s+0\.3\s+project,target,run/);
    const bodies = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(bodies[0].series).toHaveLength(4);
  });
});
