import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeIntake, type FakeIntake, type IntakeSeries } from '../../metrics/testing/fake-intake';
import { nxRunContext } from '../../metrics/testing/nx-run-context';
import { recordTimings } from '../../metrics/timings/recorder';
import { RUNS_FILE, timingsDirectory, TimingsStore } from '../../metrics/timings/store';
import { reportTimings } from './lib/report-timings';
import type { ReportTimingsExecutorSchema } from './schema';

const KEY = 'feedface0123456789abcdef-secret';
const GITHUB = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/monorepo',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'main',
  GITHUB_RUN_ID: '9001',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_HEAD_REF: 'feature/Faster-Builds',
  GITHUB_REF_NAME: '12/merge',
  GITHUB_EVENT_NAME: 'pull_request',
};

describe('report-timings', () => {
  let root: string;
  let intake: FakeIntake;
  let logs: string[];
  let summaryFile: string;
  const logger = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'fx-report-'));
    intake = await startFakeIntake({ apiKey: KEY });
    logs = [];
    summaryFile = join(root, 'step-summary.md');
  });
  afterEach(async () => {
    await intake.close();
    rmSync(root, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({ DD_API_KEY: KEY, GITHUB_STEP_SUMMARY: summaryFile, ...GITHUB, ...extra });
  const report = (options: ReportTimingsExecutorSchema = {}, extraEnv: Record<string, string> = {}) =>
    reportTimings({ apiUrl: intake.url, timeoutMs: 2000, maxWaitSeconds: 1, ...options }, { root, env: env(extraEnv), logger });

  /** Two Nx runs a minute ago, the way the plugin records them. */
  function recordTwoRuns() {
    const t = Date.now() - 60_000;
    recordTimings({}, nxRunContext(root, 'run-a', ['run-many', '-t', 'build', '-c', 'production'], [
      { project: 'lib-a', target: 'build', configuration: 'production', status: 'success', start: t, end: t + 4000 },
      { project: '@acme/lib-b', target: 'build', configuration: 'production', status: 'local-cache', start: t, end: t + 100 },
      { project: 'lib-c', target: 'build', configuration: 'production', status: 'remote-cache', start: t, end: t + 300 },
      { project: 'lib-d', target: 'build', configuration: 'production', status: 'failure', start: t, end: t + 2000 },
      { project: 'lib-e', target: 'build', configuration: 'production', status: 'skipped' },
    ]));
    recordTimings({}, nxRunContext(root, 'run-b', ['affected', '-t', 'test'], [{ project: 'lib-a', target: 'test', status: 'success', start: t + 5000, end: t + 6000 }]));
  }

  const byMetric = (metric: string): IntakeSeries[] => intake.acceptedSeries().filter((s) => s.metric === metric);
  const ciTags = ['repository:acme/monorepo', 'workflow:ci', 'job:main', 'run_id:9001', 'run_attempt:2', 'branch:feature/faster-builds', 'event:pull_request'];

  it('sends one point per task with project/target/configuration/status/cache/CI tags, counts, run duration and percentiles', async () => {
    recordTwoRuns();
    const result = await report({ tags: ['team:platform'] });
    expect(result).toMatchObject({ success: true, sentRuns: 2, keptRuns: 0 });
    expect(intake.requests.every((r) => r.problems.length === 0)).toBe(true);

    const durations = byMetric('fx.nx.task.duration');
    expect(durations).toHaveLength(5); // 4 build tasks that ran or came from cache + 1 test; the skipped one has no duration
    const libA = intake.series('fx.nx.task.duration', 'project:lib-a', 'target:build');
    expect(libA).toMatchObject({ type: 3, unit: 'second', points: [{ value: 4 }] });
    expect(libA.tags).toEqual(['project:lib-a', 'command:run-many', 'target:build', 'configuration:production', 'status:success', 'cache:miss', ...ciTags, 'team:platform']);
    intake.series('fx.nx.task.duration', 'project:_acme/lib-b', 'status:success', 'cache:hit');
    intake.series('fx.nx.task.duration', 'project:lib-c', 'status:success', 'cache:remote');
    intake.series('fx.nx.task.duration', 'project:lib-d', 'status:failure', 'cache:miss');

    const counts = byMetric('fx.nx.task.count');
    expect(counts.every((s) => s.type === 1 && !s.tags.some((t) => t.startsWith('project:')))).toBe(true);
    expect(counts.reduce((n, s) => n + s.points[0].value, 0)).toBe(6); // every task, the skipped one included
    expect(intake.series('fx.nx.task.count', 'status:skipped').points[0].value).toBe(1);

    const runs = byMetric('fx.nx.run.duration');
    expect(runs.map((s) => s.tags.filter((t) => /^(command|target|status|configuration):/.test(t)))).toEqual([
      ['command:run-many', 'configuration:production', 'status:failure', 'target:build'],
      ['command:affected', 'status:success', 'target:test'],
    ]);
    const p95 = intake.series('fx.nx.task.duration.p95', 'target:build', 'cache:miss');
    expect(p95.points[0].value).toBeCloseTo(2 + 0.95 * 2, 5); // misses 2 s and 4 s, linear between ranks
  });

  it('sends each run exactly once: a second report sends nothing new', async () => {
    recordTwoRuns();
    await report();
    const requests = intake.requests.length;
    const again = await report();
    expect(again).toMatchObject({ success: true, sentRuns: 0 });
    expect(intake.requests).toHaveLength(requests);
    expect(logs.join('\n')).toContain('No recorded Nx runs to report');
  });

  it('keeps what failed for the next run, fails the step only with failOnError, then delivers once', async () => {
    recordTwoRuns();
    intake.answer(...Array.from({ length: 4 }, () => ({ status: 503 })));
    const failed = await report({ maxRetries: 3 });
    expect(failed).toMatchObject({ success: true, sentRuns: 0, keptRuns: 2 });
    expect(intake.acceptedSeries()).toHaveLength(0);
    expect(logs.join('\n')).toContain('2 run(s) not delivered are kept for the next report-timings');

    intake.answer({ status: 403 });
    expect((await report({ failOnError: true })).success).toBe(false);

    const ok = await report();
    expect(ok).toMatchObject({ success: true, sentRuns: 2, keptRuns: 0 });
    expect(byMetric('fx.nx.task.duration')).toHaveLength(5);
    await report();
    expect(byMetric('fx.nx.task.duration')).toHaveLength(5);
  });

  it('never sends a journalled run again, even if the outbox was not cleaned up (crash after delivery)', async () => {
    recordTwoRuns();
    const store = new TimingsStore(timingsDirectory(root, {}));
    store.claim('crashed');
    store.markSent(['run-a']);
    await report();
    expect(new Set(intake.acceptedSeries().flatMap((s) => s.tags.filter((t) => t.startsWith('command:'))))).toEqual(new Set(['command:affected']));
    expect(logs.join('\n')).toContain('1 recorded run(s) were already sent earlier');
  });

  it('reports tasks older than the intake accepts, keeps them aside, and sends them with --timestamps=now', async () => {
    const old = Date.now() - 2 * 3600_000;
    recordTimings({}, nxRunContext(root, 'old-run', ['run-many', '-t', 'lint'], [{ project: 'lib-a', target: 'lint', status: 'success', start: old, end: old + 1000 }]));
    await report();
    expect(intake.requests).toHaveLength(0);
    expect(logs.join('\n')).toContain('1 task(s) from 1 run(s) ended outside the window');
    const expired = readFileSync(join(timingsDirectory(root, {}), 'expired.ndjson'), 'utf8');
    expect(JSON.parse(expired.trim())).toMatchObject({ runId: 'old-run', reason: 'older than 1 h', task: { project: 'lib-a' } });

    recordTimings({}, nxRunContext(root, 'old-run-2', ['run-many', '-t', 'lint'], [{ project: 'lib-b', target: 'lint', status: 'success', start: old, end: old + 1000 }]));
    await report({ timestamps: 'now' });
    expect(byMetric('fx.nx.task.duration').map((s) => s.tags[0])).toEqual(['project:lib-b']);
  });

  it('without a key: dry run with the table and the exact payload, nothing sent, nothing consumed', async () => {
    recordTwoRuns();
    const payloadFile = join(root, 'payload.ndjson');
    const dry = await report({ payloadFile }, { DD_API_KEY: '' });
    expect(dry).toMatchObject({ success: true, sentRuns: 0 });
    expect(intake.requests).toHaveLength(0);
    const log = logs.join('\n');
    expect(log).toContain('Datadog dry run (DD_API_KEY is not set): nothing sent');
    expect(log).toMatch(/fx\.nx\.task\.duration\s+gauge\s+second\s+5\s+5/);
    expect(log).toMatch(/lib-a:build:production\s+4\.00\s+success\s+miss\s+run-many/);
    const bodies = readFileSync(payloadFile, 'utf8').trim().split('\n');
    expect(JSON.parse(bodies[0]).series.length).toBeGreaterThan(5);

    await report();
    expect(intake.requests).toHaveLength(1);
    expect(intake.requests[0].body).toBe(bodies[0]);
  });

  it('writes the slowest tasks to the GitHub job summary', async () => {
    recordTwoRuns();
    await report({ slowest: 2 });
    const md = readFileSync(summaryFile, 'utf8');
    expect(md).toContain('## Nx task timings');
    expect(md).toContain('| task | seconds | status | cache | command |\n| --- | ---: | --- | --- | --- |');
    expect(md).toContain('| lib-a:build:production | 4.00 | success | miss | run-many |');
    expect(md).toContain('| lib-d:build:production | 2.00 | failure | miss | run-many |');
    expect(md).not.toContain('lib-c');
    expect(md).toContain('Sent 2 run(s) to Datadog');
  });

  it('sets unreadable lines aside with file and line, and still sends the rest', async () => {
    recordTwoRuns();
    appendFileSync(join(timingsDirectory(root, {}), RUNS_FILE), '{"v":1,"id":"cut-sh\n');
    await report();
    expect(logs.join('\n')).toMatch(/1 recorded line\(s\) could not be read and were set aside in .*unreadable\.ndjson:\n {2}.*runs\.ndjson:3: not JSON/);
    expect(byMetric('fx.nx.task.duration')).toHaveLength(5);
  });

  it('lets only one report-timings work at a time', async () => {
    recordTwoRuns();
    const store = new TimingsStore(timingsDirectory(root, {}));
    const unlock = store.lock()!;
    expect(await report()).toMatchObject({ success: true, sentRuns: 0 });
    expect(intake.requests).toHaveLength(0);
    unlock();
    expect(await report()).toMatchObject({ sentRuns: 2 });
  });

  it('never writes or prints the key, whatever happens', async () => {
    recordTwoRuns();
    intake.answer({ status: 400, body: { errors: [`bad payload for key ${KEY}`] } }, { destroy: true }, { status: 202 });
    await report({ failOnError: true, maxRetries: 1 });
    await report({ apiUrl: `http://${KEY}:not-a-port` });
    await report({ dryRun: true });
    await report();
    const dir = timingsDirectory(root, {});
    const files = [summaryFile, ...readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f)))].filter((f) => existsSync(f) && statSync(f).isFile());
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['dry-run-payload.ndjson', 'sent-runs.txt', 'step-summary.md']);
    expect(intake.requests.map((r) => r.answer)).toEqual([400, 'closed', 202]);
    const everything = [logs.join('\n'), ...files.map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(everything).toContain('<redacted>');
    expect(everything).not.toContain(KEY);
  });

  it('leaves tag keys out with omitTags and uses its own metric prefix', async () => {
    recordTwoRuns();
    await report({ metricPrefix: 'acme.ci', omitTags: 'project,run_id,run_attempt' as unknown as string[] });
    const durations = intake.acceptedSeries().filter((s) => s.metric === 'acme.ci.task.duration');
    expect(durations.length).toBeGreaterThan(0);
    expect(durations.flatMap((s) => s.tags).some((t) => /^(project|run_id|run_attempt):/.test(t))).toBe(false);
  });
});
