import { startFakeIntake, type FakeIntake } from './utils/fake-intake';
import { createWorkspace, type E2eWorkspace } from './utils/workspace';

/** `npx nx ...` without blocking the event loop, so the local intake in this process can answer. */
const nxAsync = (ws: E2eWorkspace, args: string, env: Record<string, string> = {}) => ws.runAsync(`npx nx ${args}`, env);

/** The JSON report inside Nx's output (Nx prints its own lines around the executor's stdout). */
function reportFrom(stdout: string) {
  const start = stdout.indexOf('\n{');
  const end = stdout.lastIndexOf('\n}');
  return JSON.parse(stdout.slice(start + 1, end + 2));
}

/**
 * History after the harness's "init" commit (dated now, so its lead time is negative: excluded):
 *   a 2024-01-02 00:00, b 2024-01-03 00:00 -> v1.0.0 annotated 2024-01-04 00:00 (lead 2 d, 1 d)
 *   c 2024-01-10 00:00                     -> v1.1.0 annotated 2024-01-10 06:00 (lead 6 h)
 * Window 2024-01-01 .. 2024-01-31, starting at the first data (a): 30 days.
 * Lead times 21600, 86400, 172800 -> median 86400.
 */
describe('dora in a workspace made from the packed tarball', () => {
  let ws: E2eWorkspace;
  let intake: FakeIntake;
  const project = '@acme/dora-e2e';
  const window = '--since=2024-01-01 --until=2024-01-31';

  beforeAll(async () => {
    ws = createWorkspace('dora-e2e');
    const at = (date: string) => `GIT_AUTHOR_DATE=${date} GIT_COMMITTER_DATE=${date} git -c user.email=e2e@example.com -c user.name=e2e`;
    const script = [
      `echo a > a.txt && git add a.txt && ${at('2024-01-02T00:00:00Z')} commit -qm a`,
      `echo b > b.txt && git add b.txt && ${at('2024-01-03T00:00:00Z')} commit -qm b`,
      `${at('2024-01-04T00:00:00Z')} tag -a v1.0.0 -m v1.0.0`,
      `echo c > c.txt && git add c.txt && ${at('2024-01-10T00:00:00Z')} commit -qm c`,
      `${at('2024-01-10T06:00:00Z')} tag -a v1.1.0 -m v1.1.0`,
    ].join(' && ');
    const made = ws.run(script);
    if (made.code !== 0) throw new Error(made.output);
    intake = await startFakeIntake({ apiKey: 'e2e-dd-key' });
  });
  afterAll(() => intake?.close());

  it('nx run <root>:dora --format=json prints the four keys', async () => {
    const result = await nxAsync(ws, `run ${project}:dora --format=json ${window} --datadog=false`);
    expect(result.code).toBe(0);
    const report = reportFrom(result.stdout);
    expect(report.window).toEqual({ since: '2024-01-02T00:00:00.000Z', until: '2024-02-01T00:00:00.000Z', days: 30 });
    expect(report.overall.deploymentFrequency).toMatchObject({ deployments: 2, perDay: 2 / 30, fourKeysBucket: 'monthly' });
    expect(report.overall.leadTime).toEqual({ changes: 3, excluded: 1, mergeCommits: 0, medianSeconds: 86400, p90Seconds: 155520 });
    expect(report.overall.changeFailureRate).toMatchObject({ deployments: 2, failed: 0, rate: 0 });
    expect(report.overall.timeToRestore).toEqual({ incidents: 0, resolved: 0, open: 0, medianSeconds: null });
    expect(report.overall.tiers).toEqual({ deploymentFrequency: 'medium', leadTime: 'high', changeFailureRate: 'elite', timeToRestore: null });
  });

  it('sends fx.dora.* to the local Datadog intake with --apiUrl, and writes Prometheus text', async () => {
    const result = await nxAsync(ws, `run ${project}:dora ${window} --apiUrl=${intake.url} --prometheus=dist/dora.prom`, { DD_API_KEY: 'e2e-dd-key' });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/Lead time for changes\s+median 1d, p90 1d 19h \(3 changes\)\s+high/);
    expect(result.output).not.toContain('e2e-dd-key');
    expect(intake.requests.map((r) => r.problems)).toEqual([[]]);
    const series = intake.acceptedSeries();
    expect(series.find((s) => s.metric === 'fx.dora.deployments')?.points[0].value).toBe(2);
    expect(series.find((s) => s.metric === 'fx.dora.lead_time.median')?.points[0].value).toBe(86400);
    expect(ws.read('dist/dora.prom')).toContain('dora_deployment_total{environment="production"} 2\n');
  });

  it('explains a tag pattern that matches nothing, and init --doraWorkflow adds the weekly workflow', async () => {
    const bad = await nxAsync(ws, `run ${project}:dora --tagPattern=release-* --datadog=false`);
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('No tag matches --tagPattern=release-* (the repository has 2 tags, e.g. v1.0.0, v1.1.0)');
    expect(ws.nx('g @fx/adr-nx:init --doraWorkflow').code).toBe(0);
    expect(ws.read('.github/workflows/dora.yml')).toContain('npx nx run-many -t dora --prometheus=dist/dora/dora.prom');
  });
});
