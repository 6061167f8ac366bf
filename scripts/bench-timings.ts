/**
 * npm run bench:timings — 10,000 recorded Nx task results through report-timings to a local
 * intake on 127.0.0.1: how many requests, how many bytes, how many milliseconds.
 * Goals (issue 5): <= 3 requests; payload building (read + series + sanitise/split/gzip) < 200 ms,
 * judged on the process's CPU time (wall time is printed too; on a busy shared machine it also
 * counts time spent waiting for a core).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { preparePayloads } from '../packages/adr-nx/src/metrics/datadog/payload';
import { startFakeIntake } from '../packages/adr-nx/src/metrics/testing/fake-intake';
import { nxRunContext, type TaskSpec } from '../packages/adr-nx/src/metrics/testing/nx-run-context';
import { recordTimings } from '../packages/adr-nx/src/metrics/timings/recorder';
import { buildTimingSeries } from '../packages/adr-nx/src/metrics/timings/series';
import { timingsDirectory, TimingsStore } from '../packages/adr-nx/src/metrics/timings/store';
import { reportTimings } from '../packages/adr-nx/src/executors/report-timings/lib/report-timings';

const TASKS = 10_000;
const RUNS = 10; // e.g. the nx commands of one big CI job
const PROJECTS = 1_000;
const TARGETS = ['build', 'test', 'lint', 'adr-check'];
const STATUSES = ['success', 'success', 'local-cache', 'remote-cache', 'success', 'failure', 'local-cache', 'success'];
const KEY = 'bench-key-0123456789abcdef0123456789';
const env = {
  DD_API_KEY: KEY,
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/big-monorepo',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'main',
  GITHUB_RUN_ID: '123456789',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_REF_NAME: 'main',
  GITHUB_EVENT_NAME: 'push',
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'fx-bench-timings-'));
  const intake = await startFakeIntake({ apiKey: KEY });
  try {
    // 1. Record: what the postTasksExecution hook costs per Nx run.
    const start = Date.now() - 40 * 60_000;
    const recordMs: number[] = [];
    const perRun = TASKS / RUNS;
    for (let r = 0; r < RUNS; r++) {
      const tasks: TaskSpec[] = Array.from({ length: perRun }, (_, i) => {
        const n = r * perRun + i;
        const t = start + r * 60_000 + (n % 50) * 100;
        return { project: `lib-${String(n % PROJECTS).padStart(4, '0')}`, target: TARGETS[r % TARGETS.length], configuration: n % 3 === 0 ? 'production' : undefined, status: STATUSES[n % STATUSES.length], start: t, end: t + 200 + ((n * 7919) % 30_000) };
      });
      const context = nxRunContext(root, `run-${r}`, ['run-many', '-t', TARGETS[r % TARGETS.length]], tasks);
      const t0 = performance.now();
      recordTimings({}, context);
      recordMs.push(performance.now() - t0);
    }

    // 2. Payload building, step by step (no network).
    const store = new TimingsStore(timingsDirectory(root, {}));
    const cpu0 = process.cpuUsage();
    let t0 = performance.now();
    const read = store.read({ includeUnclaimed: true });
    const readMs = performance.now() - t0;
    t0 = performance.now();
    const built = buildTimingSeries(read.runs.map((r) => r.run), { prefix: 'fx.nx', omitTags: new Set(), tags: ['team:platform'], ci: null, timestamps: 'recorded', nowMs: Date.now() });
    const seriesMs = performance.now() - t0;
    t0 = performance.now();
    const prepared = preparePayloads(built.series, { nowMs: Date.now(), groupOf: (_, i) => built.runOf[i] });
    const prepareMs = performance.now() - t0;
    const buildMs = readMs + seriesMs + prepareMs;
    const cpu = process.cpuUsage(cpu0);
    const buildCpuMs = (cpu.user + cpu.system) / 1000;

    // 3. The whole executor against the local intake.
    t0 = performance.now();
    const result = await reportTimings({ apiUrl: intake.url }, { root, env, logger: { info: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) } });
    const totalMs = performance.now() - t0;
    const received = intake.requests;
    const points = intake.acceptedSeries().reduce((n, s) => n + s.points.length, 0);
    const taskPoints = intake.acceptedSeries().filter((s) => s.metric === 'fx.nx.task.duration').reduce((n, s) => n + s.points.length, 0);

    const goalRequests = received.length <= 3;
    // Judged on CPU time: on a shared machine wall time also counts waiting for a core (load printed below).
    const goalBuild = buildCpuMs < 200;
    const rows: Array<[string, string]> = [
      ['recorded task results', `${TASKS} in ${RUNS} runs (${PROJECTS} projects)`],
      ['recorder per run (median / max)', `${median(recordMs).toFixed(2)} ms / ${Math.max(...recordMs).toFixed(2)} ms (${perRun} tasks each)`],
      ['series / points', `${built.series.length} / ${points} (${taskPoints} task-duration points)`],
      ['payload building (wall)', `${buildMs.toFixed(1)} ms = read ${readMs.toFixed(1)} + series ${seriesMs.toFixed(1)} + sanitise/split/gzip ${prepareMs.toFixed(1)}`],
      ['payload building (CPU)', `${buildCpuMs.toFixed(1)} ms (user+system; GC threads included)`],
      ['requests', `${received.length} (${received.map((r) => r.answer).join(', ')}), ${prepared.payloads.length} payload(s) planned`],
      ['bytes', `${received.reduce((n, r) => n + r.compressedBytes, 0)} gzip on the wire, ${received.reduce((n, r) => n + r.rawBytes, 0)} raw JSON`],
      ['report-timings total (local intake)', `${totalMs.toFixed(0)} ms incl. loading the Datadog client, delivered ${result.sentRuns}/${RUNS} runs`],
      ['machine load (1 min)', `${loadavg()[0].toFixed(2)} on ${cpus().length} cores`],
      ['goal: <= 3 requests', goalRequests ? 'met' : 'MISSED'],
      ['goal: payload building < 200 ms (CPU)', goalBuild ? 'met' : 'MISSED'],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log('bench:timings');
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    if (!goalRequests || !goalBuild || result.sentRuns !== RUNS || taskPoints !== built.timings.length) process.exitCode = 1;
  } finally {
    await intake.close();
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
