import { ciTagValues, type CiContext } from '../ci-context';
import { outsideIntakeWindow } from '../datadog/limits';
import { prependTag, sanitizeTagList } from '../datadog/sanitize';
import { MetricType, type MetricSeries } from '../datadog/types';
import { parseNxCommand, type NxCommand } from './nx-command';
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

/**
 * The tag lists of one report: `key:value` for each kept pair (omitTags and empty values left
 * out), then the tags every series shares (CI context, the user's --tags).
 */
function tagger(options: SeriesOptions): (pairs: Array<[string, string | undefined]>) => readonly string[] {
  const shared: string[] = [];
  for (const [k, v] of Object.entries(ciTagValues(options.ci))) if (v && !options.omitTags.has(k)) shared.push(`${k}:${v}`);
  for (const t of options.tags) if (!options.omitTags.has(t.split(':')[0])) shared.push(t);
  return (pairs) => {
    const out: string[] = [];
    for (const [k, v] of pairs) if (v !== undefined && v !== '' && !options.omitTags.has(k)) out.push(`${k}:${v}`);
    return sanitizeTagList(out.concat(shared));
  };
}

/** What tasks of one target/configuration/status in a run share: their tags and their count. */
interface TaskKind {
  cache: TaskTiming['cache'];
  outcome: string;
  tags: readonly string[];
  count: { tags: readonly string[]; n: number };
  percentiles: { tags: readonly string[]; values: number[] };
}

/** Series of one run, merged by their full tag list (equal tags after omitTags = one series). */
class RunSeries {
  private readonly byTags = new Map<string, MetricSeries>();
  constructor(readonly runId: string) {}
  add(metric: string, type: MetricSeries['type'], unit: string, tags: readonly string[], timestamp: number, value: number): void {
    const key = `${metric}\u0000${tags.join(',')}`;
    let series = this.byTags.get(key);
    if (!series) this.byTags.set(key, (series = { metric, type, points: [], tags: tags as string[], unit }));
    series.points.push({ timestamp, value });
  }
  list(): MetricSeries[] {
    return [...this.byTags.values()];
  }
}

/** Builds the series of one report, run by run; one method per task so the hot path stays small. */
class TimingSeriesBuilder {
  private readonly series: MetricSeries[] = [];
  private readonly runOf: string[] = [];
  private readonly timings: TaskTiming[] = [];
  private readonly late: LateTask[] = [];
  private readonly tags: ReturnType<typeof tagger>;
  private readonly metric: { duration: string; count: string; run: string };
  private readonly withProject: boolean;

  constructor(private readonly options: SeriesOptions) {
    this.tags = tagger(options);
    const p = options.prefix.replace(/\.+$/, '');
    this.metric = { duration: `${p}.task.duration`, count: `${p}.task.count`, run: `${p}.run.duration` };
    this.withProject = !options.omitTags.has('project');
  }

  private stamp(ms: number): number {
    return Math.floor((this.options.timestamps === 'now' ? this.options.nowMs : ms) / 1000);
  }

  addRun(run: RecordedRun): void {
    const cmd = parseNxCommand(run.argv);
    const out = new RunSeries(run.id);
    const kinds = new Map<string, TaskKind>();
    for (const task of run.tasks) this.addTask(run, cmd, task, kinds, out);
    this.finishRun(run, cmd, kinds, out);
    for (const s of out.list()) {
      this.series.push(s);
      this.runOf.push(run.id);
    }
  }

  private kindOf(cmd: NxCommand, task: RecordedTask, kinds: Map<string, TaskKind>): TaskKind {
    const id = `${task.target}\u0000${task.configuration ?? ''}\u0000${task.status}`;
    let kind = kinds.get(id);
    if (kind) return kind;
    const cache = cacheOf(task.status);
    const outcome = outcomeOf(task.status);
    const tags = this.tags([['command', cmd.command], ['target', task.target], ['configuration', task.configuration], ['status', outcome], ['cache', cache]]);
    // Kinds whose tags are equal (after omitTags) share one count and one percentile group.
    const same = [...kinds.values()];
    const count = same.find((k) => k.tags.join() === tags.join())?.count ?? { tags, n: 0 };
    const pctTags = this.tags([['command', cmd.command], ['target', task.target], ['cache', cache]]);
    const percentiles = same.find((k) => k.percentiles.tags.join() === pctTags.join())?.percentiles ?? { tags: pctTags, values: [] };
    kinds.set(id, (kind = { cache, outcome, tags, count, percentiles }));
    return kind;
  }

  private addTask(run: RecordedRun, cmd: NxCommand, task: RecordedTask, kinds: Map<string, TaskKind>, out: RunSeries): void {
    const ts = this.stamp(task.end ?? run.end);
    const tooLate = outsideIntakeWindow(ts, this.options.nowMs);
    if (tooLate) {
      this.late.push({ runId: run.id, task, reason: tooLate });
      return;
    }
    const kind = this.kindOf(cmd, task, kinds);
    kind.count.n++;
    if (task.start === undefined || task.end === undefined || task.status === 'skipped') return;
    const seconds = Math.max(0, (task.end - task.start) / 1000);
    this.timings.push({ runId: run.id, command: cmd.command, task, seconds, cache: kind.cache, outcome: kind.outcome });
    kind.percentiles.values.push(seconds);
    if (this.withProject) {
      // project + target + configuration is unique in a run: one series per task, nothing to merge.
      this.series.push({ metric: this.metric.duration, type: MetricType.gauge, points: [{ timestamp: ts, value: seconds }], tags: prependTag(`project:${task.project}`, kind.tags) as string[], unit: 'second' });
      this.runOf.push(run.id);
    } else {
      out.add(this.metric.duration, MetricType.gauge, 'second', kind.tags, ts, seconds);
    }
  }

  private finishRun(run: RecordedRun, cmd: NxCommand, kinds: Map<string, TaskKind>, out: RunSeries): void {
    const runTs = this.stamp(run.end);
    // A run that ended outside the window: its tasks were reported late above; its own points go with them.
    if (outsideIntakeWindow(runTs, this.options.nowMs)) return;
    const { metric } = this;
    const counts = new Set([...kinds.values()].map((k) => k.count));
    for (const c of counts) if (c.n > 0) out.add(metric.count, MetricType.count, 'task', c.tags, runTs, c.n);
    const groups = new Set([...kinds.values()].map((k) => k.percentiles));
    for (const g of groups) {
      if (g.values.length === 0) continue;
      const sorted = g.values.sort((a, b) => a - b);
      for (const q of PERCENTILES) out.add(`${metric.duration}.p${q}`, MetricType.gauge, 'second', g.tags, runTs, percentile(sorted, q));
    }
    const failed = run.tasks.some((t) => t.status === 'failure');
    const targets = cmd.targets.length ? cmd.targets : [...new Set(run.tasks.map((t) => t.target))];
    const runTags = this.tags([['command', cmd.command], ['configuration', cmd.configuration], ['status', failed ? 'failure' : 'success'], ...targets.map((t): [string, string] => ['target', t])]);
    out.add(metric.run, MetricType.gauge, 'second', runTags, runTs, Math.max(0, (run.end - run.start) / 1000));
  }

  result(): BuiltSeries {
    return { series: this.series, runOf: this.runOf, timings: this.timings, late: this.late };
  }
}

export function buildTimingSeries(runs: readonly RecordedRun[], options: SeriesOptions): BuiltSeries {
  const builder = new TimingSeriesBuilder(options);
  for (const run of runs) builder.addRun(run);
  return builder.result();
}
