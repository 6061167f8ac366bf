import { ciTagValues, type CiContext } from '../ci-context';
import { outsideIntakeWindow } from '../datadog/limits';
import { MetricType, type MetricSeries } from '../datadog/types';
import { parseNxCommand } from './nx-command';
import { percentile } from '../percentile';
import type { RecordedRun, RecordedTask } from './run-record';

/**
 * Recorded runs -> Datadog series. Per run:
 * - `<prefix>.task.duration` gauge (seconds), one point per task at its end, tagged project,
 *   target, configuration, status, cache;
 * - `<prefix>.task.count` count, tasks per target/configuration/status/cache (no project tag,
 *   so cache-hit ratios per target stay a handful of series);
 * - `<prefix>.run.duration` gauge (seconds) at the run's end, tagged with its targets and status;
 * - `<prefix>.task.duration.p50|p95|p99` gauges per target and cache status.
 *   The v2 series endpoint has no distribution type; Datadog distributions need the v1
 *   distribution_points endpoint, with its own limits, billing per percentile and tag set, and
 *   no atomic "sent" with these series. Percentiles computed here ride in the same payload, so
 *   a run is delivered — or kept for the next try — as one.
 * Every series also carries the command (run-many/affected/run), the CI context and the user's tags.
 */

export interface SeriesOptions {
  /** Metric name prefix, default `fx.nx`. */
  prefix: string;
  /** Tag keys left out (cardinality is money), e.g. `project`, `run_id`. */
  omitTags: ReadonlySet<string>;
  /** Extra `key:value` tags on every series. */
  tags: string[];
  ci: CiContext | null;
  /** `recorded`: points at the task/run end (default); `now`: at report time (for CI jobs longer than 1 h). */
  timestamps: 'recorded' | 'now';
  nowMs: number;
}

export interface TaskTiming {
  runId: string;
  command: string;
  task: RecordedTask;
  seconds: number;
  /** hit | remote | miss; undefined for tasks that did not run (skipped). */
  cache?: 'hit' | 'remote' | 'miss';
  outcome: string;
}

export interface LateTask {
  runId: string;
  task: RecordedTask;
  reason: string;
}

export interface BuiltSeries {
  series: MetricSeries[];
  /** The run each series belongs to (same index), for the sender's `groupOf`. */
  runOf: string[];
  timings: TaskTiming[];
  /** Tasks whose point the intake would refuse (older than 1 h / ahead): reported, kept aside. */
  late: LateTask[];
}

export const PERCENTILES = [50, 95, 99] as const;

/** Nx's task status -> the `cache` tag. */
export function cacheOf(status: string): TaskTiming['cache'] {
  if (status === 'local-cache' || status === 'local-cache-kept-existing') return 'hit';
  if (status === 'remote-cache') return 'remote';
  if (status === 'skipped') return undefined;
  return 'miss';
}

/** Nx's task status -> the `status` tag (a cache hit is a success). */
export function outcomeOf(status: string): string {
  return cacheOf(status) === 'hit' || cacheOf(status) === 'remote' ? 'success' : status;
}

class SeriesSet {
  private readonly byKey = new Map<string, { series: MetricSeries; run: string }>();
  add(run: string, metric: string, type: MetricSeries['type'], unit: string | undefined, tags: string[], timestamp: number, value: number): void {
    const key = `${metric}\u0000${tags.join(',')}\u0000${run}`;
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { series: { metric, type, points: [], tags, ...(unit ? { unit } : {}) }, run }));
    entry.series.points.push({ timestamp, value });
  }
  result(): { series: MetricSeries[]; runOf: string[] } {
    const entries = [...this.byKey.values()];
    return { series: entries.map((e) => e.series), runOf: entries.map((e) => e.run) };
  }
}

function tagger(options: SeriesOptions) {
  const ci = Object.entries(ciTagValues(options.ci));
  return (pairs: Array<[string, string | undefined]>): string[] => {
    const out: string[] = [];
    for (const [k, v] of [...pairs, ...ci]) if (v !== undefined && v !== '' && !options.omitTags.has(k)) out.push(`${k}:${v}`);
    for (const t of options.tags) if (!options.omitTags.has(t.split(':')[0])) out.push(t);
    return out;
  };
}

export function buildTimingSeries(runs: readonly RecordedRun[], options: SeriesOptions): BuiltSeries {
  const set = new SeriesSet();
  const timings: TaskTiming[] = [];
  const late: LateTask[] = [];
  const tags = tagger(options);
  const p = options.prefix.replace(/\.+$/, '');
  const nowS = Math.floor(options.nowMs / 1000);
  const stamp = (ms: number) => (options.timestamps === 'now' ? nowS : Math.floor(ms / 1000));

  for (const run of runs) {
    const cmd = parseNxCommand(run.argv);
    const counts = new Map<string, { tags: string[]; n: number }>();
    const durations = new Map<string, { tags: string[]; values: number[] }>();

    for (const task of run.tasks) {
      const cache = cacheOf(task.status);
      const outcome = outcomeOf(task.status);
      const end = task.end ?? run.end;
      const ts = stamp(end);
      const tooLate = outsideIntakeWindow(ts, options.nowMs);
      if (tooLate) {
        late.push({ runId: run.id, task, reason: tooLate });
        continue;
      }
      const base: Array<[string, string | undefined]> = [['command', cmd.command], ['target', task.target], ['configuration', task.configuration], ['status', outcome], ['cache', cache]];
      const countTags = tags(base);
      const countKey = countTags.join(',');
      const c = counts.get(countKey) ?? { tags: countTags, n: 0 };
      c.n++;
      counts.set(countKey, c);

      if (task.start === undefined || task.end === undefined || task.status === 'skipped') continue;
      const seconds = Math.max(0, (task.end - task.start) / 1000);
      timings.push({ runId: run.id, command: cmd.command, task, seconds, cache, outcome });
      set.add(run.id, `${p}.task.duration`, MetricType.gauge, 'second', tags([['project', task.project], ...base]), ts, seconds);
      const pKey = `${task.target}\u0000${cache}`;
      const d = durations.get(pKey) ?? { tags: tags([['command', cmd.command], ['target', task.target], ['cache', cache]]), values: [] };
      d.values.push(seconds);
      durations.set(pKey, d);
    }

    const runTs = stamp(run.end);
    if (outsideIntakeWindow(runTs, options.nowMs)) continue; // its tasks were reported above; the run-level points go with them
    for (const c of counts.values()) set.add(run.id, `${p}.task.count`, MetricType.count, 'task', c.tags, runTs, c.n);
    for (const d of durations.values()) {
      const sorted = [...d.values].sort((a, b) => a - b);
      for (const q of PERCENTILES) set.add(run.id, `${p}.task.duration.p${q}`, MetricType.gauge, 'second', d.tags, runTs, percentile(sorted, q));
    }
    const failed = run.tasks.some((t) => t.status === 'failure');
    const targets = cmd.targets.length ? cmd.targets : [...new Set(run.tasks.map((t) => t.target))];
    const runTags = tags([['command', cmd.command], ['configuration', cmd.configuration], ['status', failed ? 'failure' : 'success']]);
    for (const t of targets) if (!options.omitTags.has('target')) runTags.push(`target:${t}`);
    set.add(run.id, `${p}.run.duration`, MetricType.gauge, 'second', runTags, runTs, Math.max(0, (run.end - run.start) / 1000));
  }
  return { ...set.result(), timings, late };
}
