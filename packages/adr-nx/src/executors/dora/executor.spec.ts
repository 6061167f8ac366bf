import type { ExecutorContext } from '@nx/devkit';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepo } from '../../metrics/dora/__fixtures__/git-repo';
import { startFakeIntake, type FakeIntake } from '../../metrics/testing/fake-intake';
import doraExecutor from './executor';
import type { DoraExecutorSchema } from './schema';

/**
 * A workspace whose history has two releases:
 *   c1 2024-01-02 00:00, c2 2024-01-03 00:00 -> v1.0.0 annotated 2024-01-04 00:00 (lead 2 d and 1 d)
 *   c3 2024-01-10 00:00 -> v1.1.0 annotated 2024-01-10 06:00 (lead 6 h)
 *   INC-1 names c3: 2024-01-10 07:00 -> 07:20 (1200 s) -> v1.1.0 failed.
 * Window --since=2024-01-01 --until=2024-01-31 (included): from c1 (the first data, 01-02) to 02-01 00:00 = 30 days.
 * 2 deployments: 2/30 = 0.07/day, 0.47/week. Monday weeks Jan 1, 8, 15, 22, 29 have 1,1,0,0,0 deployment days:
 * Four Keys neither daily nor weekly; every week's month (January) has 2 deployed weeks -> monthly.
 * DORA tier: median week 0 days, median month 2 days -> medium.
 * Lead times 21600 86400 172800 -> median 86400 (1d), p90 rank 1.8 -> 86400 + 0.8 * 86400 = 155520.
 */
describe('dora executor', () => {
  const repo = new GitRepo('dora-exec-');
  let intake: FakeIntake;
  let out: string;
  let err: string;
  let summaryDir: string;
  const env = { ...process.env };
  const context = () => ({ root: repo.root, cwd: repo.root, isVerbose: false }) as unknown as ExecutorContext;
  const run = (options: DoraExecutorSchema) => doraExecutor({ since: '2024-01-01', until: '2024-01-31', events: 'events.ndjson', ...options }, context());

  beforeAll(async () => {
    repo.commit('c1', '2024-01-02T00:00:00Z');
    repo.tag('v1.0.0', repo.commit('c2', '2024-01-03T00:00:00Z'), '2024-01-04T00:00:00Z');
    const c3 = repo.commit('c3', '2024-01-10T00:00:00Z');
    repo.tag('v1.1.0', c3, '2024-01-10T06:00:00Z');
    repo.write('events.ndjson', JSON.stringify({ type: 'incident', id: 'INC-1', commit: c3, startedAt: '2024-01-10T07:00:00Z', finishedAt: '2024-01-10T07:20:00Z' }) + '\n');
    intake = await startFakeIntake({ apiKey: 'dd-secret-key-123' });
    summaryDir = mkdtempSync(join(tmpdir(), 'dora-summary-'));
  });
  afterAll(async () => {
    await intake.close();
    repo.remove();
    rmSync(summaryDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    delete process.env.DD_API_KEY;
    delete process.env.GITHUB_STEP_SUMMARY;
    delete process.env.DD_API_URL;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...env };
  });

  it('prints the four keys with their tiers, the job summary, and a dry run for Datadog without a key', async () => {
    const summary = join(summaryDir, 'summary.md');
    process.env.GITHUB_STEP_SUMMARY = summary;
    expect(await run({})).toEqual({ success: true });
    expect(out).toContain('DORA metrics 2024-01-02 .. 2024-01-31 (30 days), deployments from tags');
    expect(out).toMatch(/Deployment frequency\s+2 deployments: 0\.07\/day, 0\.47\/week \(Four Keys: monthly\)\s+medium/);
    expect(out).toMatch(/Lead time for changes\s+median 1d, p90 1d 19h \(3 changes\)\s+high/);
    expect(out).toMatch(/Change failure rate\s+50\.0% \(1 of 2: incident 1\)\s+low/);
    expect(out).toMatch(/Time to restore\s+median 20m \(1 resolved, 0 open\)\s+elite/);
    expect(out).toContain('Datadog dry run (DD_API_KEY is not set): nothing sent.');
    expect(out).toContain('fx.dora.lead_time.median');
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('| Lead time for changes | median 1d, p90 1d 19h (3 changes) | high |');
    const payload = JSON.parse(readFileSync(join(repo.root, 'tmp/dora/datadog-payload.ndjson'), 'utf8').split('\n')[0]);
    expect(payload.series.find((s: { metric: string }) => s.metric === 'fx.dora.change_failure_rate').points[0].value).toBe(0.5);
  });

  it('--format=json prints only the report on stdout', async () => {
    expect(await run({ format: 'json', datadog: false })).toEqual({ success: true });
    const report = JSON.parse(out);
    expect(report.overall.leadTime).toEqual({ changes: 3, excluded: 0, mergeCommits: 0, medianSeconds: 86400, p90Seconds: 155520 });
    expect(report.overall.deploymentFrequency.deployments).toBe(2);
    expect(report.overall.changeFailureRate.rate).toBe(0.5);
    expect(report.overall.timeToRestore.medianSeconds).toBe(1200);
    expect(report.overall.samples).toBeUndefined();
  });

  it('sends fx.dora.* to the Datadog intake (127.0.0.1) with the key from the environment, never printing it', async () => {
    process.env.DD_API_KEY = 'dd-secret-key-123';
    expect(await run({ apiUrl: intake.url, tags: 'owner:platform' })).toEqual({ success: true });
    const series = intake.acceptedSeries();
    expect(intake.requests.at(-1)?.problems).toEqual([]);
    const lead = series.find((s) => s.metric === 'fx.dora.lead_time.median');
    expect(lead?.points[0].value).toBe(86400);
    expect(lead?.tags).toEqual(expect.arrayContaining(['env:production', 'window_days:30', 'deployment_source:tags', 'owner:platform']));
    expect(series.find((s) => s.metric === 'fx.dora.deployments')?.points[0].value).toBe(2);
    expect(series.filter((s) => s.metric === 'fx.dora.tier').map((s) => s.tags?.filter((t) => t.startsWith('key:') || t.startsWith('tier:')))).toEqual([
      ['key:deployment_frequency', 'tier:medium'],
      ['key:lead_time', 'tier:high'],
      ['key:change_failure_rate', 'tier:low'],
      ['key:time_to_restore', 'tier:elite'],
    ]);
    expect(out + err).toContain('dora: Datadog accepted');
    expect(out + err).not.toContain('dd-secret-key-123');
  });

  it('writes Prometheus text to a file with the chosen prefix', async () => {
    expect(await run({ prometheus: 'metrics/dora.prom', prometheusPrefix: 'acme', datadog: false })).toEqual({ success: true });
    const text = readFileSync(join(repo.root, 'metrics/dora.prom'), 'utf8');
    expect(text).toContain('acme_deployment_total{environment="production"} 2\n');
    expect(text).toContain('acme_lead_time_seconds_count{environment="production"} 3\n');
  });

  it('delivery failures pass by default and fail with --failOnError', async () => {
    const dead = 'http://127.0.0.1:9'; // discard port: nothing listens
    expect(await run({ pushgateway: dead, datadog: false })).toEqual({ success: true });
    expect(err).toContain('could not reach the Pushgateway at http://127.0.0.1:9/metrics/job/dora');
    expect(await run({ pushgateway: dead, datadog: false, failOnError: true })).toEqual({ success: false });
  });

  it('bad input fails with a message saying what to do', async () => {
    expect(await run({ tagPattern: 'release-*', datadog: false })).toEqual({ success: false });
    expect(err).toContain('dora: No tag matches --tagPattern=release-* (the repository has 2 tags, e.g. v1.0.0, v1.1.0)');
    expect(await run({ failureSignals: 'incident,outage' })).toEqual({ success: false });
    expect(err).toContain('--failureSignals: unknown outage');
    expect(await run({ events: 'missing.ndjson' })).toEqual({ success: false });
    expect(err).toMatch(/--events=.*missing\.ndjson: cannot read the file/);

    const plain = mkdtempSync(join(tmpdir(), 'dora-plain-'));
    try {
      expect(await doraExecutor({ datadog: false }, { root: plain, cwd: plain, isVerbose: false } as unknown as ExecutorContext)).toEqual({ success: false });
      expect(err).toContain('is not inside a git repository');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('reports a bad events line with its number and still counts the rest', async () => {
    writeFileSync(join(repo.root, 'bad.ndjson'), `${readFileSync(join(repo.root, 'events.ndjson'), 'utf8')}{"type":"incident","id":"INC-2","startedAt":"2024-01-12T10:00:00"}\n`);
    expect(await run({ events: 'bad.ndjson', format: 'json', datadog: false })).toEqual({ success: true });
    expect(err).toMatch(/dora: warning: .*bad\.ndjson:2: field "startedAt": "2024-01-12T10:00:00" has no time zone/);
    expect(JSON.parse(out).overall.timeToRestore.incidents).toBe(1);
    expect(existsSync(join(repo.root, 'bad.ndjson'))).toBe(true);
  });
});
