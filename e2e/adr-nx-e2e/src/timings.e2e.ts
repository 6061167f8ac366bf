import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeIntake, type FakeIntake, type IntakeSeries } from './utils/fake-intake';
import { createWorkspace, type E2eWorkspace } from './utils/workspace';

const KEY = 'e2e0000deadbeef1111key2222cafe33';
const ROOT_PROJECT = '@acme/timings';

/** A library whose build is a real command taking a moment (nx:run-commands, cacheable). */
function library(name: string, ms: number): Record<string, string> {
  return {
    [`libs/${name}/package.json`]: JSON.stringify(
      {
        name,
        version: '0.0.0',
        nx: {
          targets: {
            build: {
              executor: 'nx:run-commands',
              cache: true,
              outputs: [],
              options: { command: `node -e "setTimeout(() => {}, ${ms})"` },
            },
          },
        },
      },
      null,
      2,
    ),
  };
}

describe('report-timings in a workspace made from the packed tarball', () => {
  let ws: E2eWorkspace;
  let intake: FakeIntake;
  const github = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/timings',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'main',
    GITHUB_RUN_ID: '777',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REF_NAME: 'main',
    GITHUB_HEAD_REF: '',
    GITHUB_EVENT_NAME: 'push',
  };
  const reportTimings = (env: Record<string, string> = {}) =>
    ws.runAsync(`npx nx run ${ROOT_PROJECT}:report-timings --apiUrl=${intake.url} --outputStyle=static`, { DD_API_KEY: KEY, GITHUB_STEP_SUMMARY: join(ws.root, 'summary.md'), ...github, ...env });
  const durations = (): IntakeSeries[] => intake.acceptedSeries().filter((s) => s.metric === 'fx.nx.task.duration');

  beforeAll(async () => {
    ws = createWorkspace('timings', { files: { ...library('lib-a', 400), ...library('lib-b', 200) } });
    intake = await startFakeIntake({ apiKey: KEY });
  });
  afterAll(async () => intake?.close());

  it('records nx run-many -t build in .nx/workspace-data, then delivers one point per task with the right tags', async () => {
    const build = ws.nx('run-many -t build --outputStyle=static');
    expect(build.code).toBe(0);
    const recorded = readdirSync(join(ws.root, '.nx/workspace-data/fx-adr-nx/timings'));
    expect(recorded).toContain('runs.ndjson');
    expect(build.output).not.toContain('fx-adr-nx');

    const result = await reportTimings();
    expect(result.code).toBe(0);
    expect(result.output).toContain('Sent 1 run(s) to Datadog');
    expect(result.output).not.toContain(KEY);
    expect(intake.requests.every((r) => r.problems.length === 0)).toBe(true);

    const series = durations();
    expect(series.map((s) => s.tags?.[0]).sort()).toEqual(['project:lib-a', 'project:lib-b']);
    for (const s of series) {
      expect(s.points).toHaveLength(1);
      expect(s.tags).toEqual(
        expect.arrayContaining(['command:run-many', 'target:build', 'status:success', 'cache:miss', 'repository:acme/timings', 'workflow:ci', 'job:main', 'run_id:777', 'run_attempt:1', 'branch:main', 'event:push']),
      );
    }
    expect(series.find((s) => s.tags?.[0] === 'project:lib-a')?.points[0].value).toBeGreaterThanOrEqual(0.4);
    expect(intake.acceptedSeries().map((s) => s.metric)).toEqual(expect.arrayContaining(['fx.nx.task.count', 'fx.nx.run.duration', 'fx.nx.task.duration.p50', 'fx.nx.task.duration.p95', 'fx.nx.task.duration.p99']));
    expect(readFileSync(join(ws.root, 'summary.md'), 'utf8')).toMatch(/\| lib-a:build \| 0\.\d+ \| success \| miss \| run-many \|/);
  });

  it('a second report-timings sends nothing new; a cached rebuild is sent once, as cache hits', async () => {
    const before = intake.requests.length;
    const again = await reportTimings();
    expect(again.code).toBe(0);
    expect(again.output).toContain('No recorded Nx runs to report');
    expect(intake.requests).toHaveLength(before);

    expect(ws.nx('run-many -t build --outputStyle=static').code).toBe(0);
    expect((await reportTimings()).code).toBe(0);
    expect((await reportTimings()).code).toBe(0);
    const all = durations();
    expect(all).toHaveLength(4);
    expect(all.filter((s) => s.tags?.includes('cache:hit')).map((s) => s.tags?.[0]).sort()).toEqual(['project:lib-a', 'project:lib-b']);
  });

  it('without a key it is a dry run: the table and the exact payload, nothing sent', async () => {
    expect(ws.nx('run-many -t build --outputStyle=static').code).toBe(0);
    const before = intake.requests.length;
    const dry = await reportTimings({ DD_API_KEY: '' });
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('Datadog dry run (DD_API_KEY is not set): nothing sent');
    expect(dry.output).toMatch(/fx\.nx\.task\.duration\s+gauge\s+second\s+2\s+2/);
    expect(intake.requests).toHaveLength(before);
    const payload = ws.read('.nx/workspace-data/fx-adr-nx/timings/dry-run-payload.ndjson');
    expect(JSON.parse(payload.split('\n')[0]).series.length).toBeGreaterThan(2);
  });
});
