import type { CiContext } from '../ci-context';
import { markdownTable, textTable, type Align, type Cell } from '../text-table';
import type { TaskTiming } from './series';

/** The slowest tasks and the cache picture of what report-timings handled, for the log and the GitHub job summary. */
export interface TimingsSummary {
  runs: number;
  tasks: number;
  hits: number;
  remote: number;
  misses: number;
  failures: number;
  /** Sum of task durations, seconds. */
  taskSeconds: number;
  slowest: TaskTiming[];
}

export function summarize(timings: readonly TaskTiming[], slowest: number): TimingsSummary {
  const count = (cache: TaskTiming['cache']) => timings.filter((t) => t.cache === cache).length;
  return {
    runs: new Set(timings.map((t) => t.runId)).size,
    tasks: timings.length,
    hits: count('hit'),
    remote: count('remote'),
    misses: count('miss'),
    failures: timings.filter((t) => t.outcome === 'failure').length,
    taskSeconds: timings.reduce((n, t) => n + t.seconds, 0),
    slowest: [...timings].sort((a, b) => b.seconds - a.seconds).slice(0, Math.max(0, slowest)),
  };
}

const HEADERS = ['task', 'seconds', 'status', 'cache', 'command'];
const ALIGN: Align[] = ['left', 'right', 'left', 'left', 'left'];

function rows(summary: TimingsSummary): Cell[][] {
  return summary.slowest.map((t) => [t.task.id || `${t.task.project}:${t.task.target}`, t.seconds.toFixed(2), t.outcome, t.cache ?? '', t.command]);
}

function headline(s: TimingsSummary): string {
  const cached = s.hits + s.remote;
  const ratio = s.tasks ? Math.round((cached / s.tasks) * 100) : 0;
  return `${s.tasks} task(s) in ${s.runs} run(s), ${s.taskSeconds.toFixed(1)} s of task time; cache: ${s.hits} local + ${s.remote} remote hits, ${s.misses} misses (${ratio} % cached)${s.failures ? `; ${s.failures} failed` : ''}.`;
}

export function summaryText(s: TimingsSummary): string {
  if (s.tasks === 0) return 'No task timings to report.';
  return `${headline(s)}\nSlowest tasks:\n${textTable(HEADERS, rows(s), ALIGN)}`;
}

export function summaryMarkdown(s: TimingsSummary, delivery: string, ci: CiContext | null): string {
  const lines = ['## Nx task timings', '', headline(s), ''];
  if (s.slowest.length) lines.push(`### Slowest ${s.slowest.length} task(s)`, '', markdownTable(HEADERS, rows(s), ALIGN), '');
  lines.push(`_${delivery}${ci?.runUrl ? ` · [this run](${ci.runUrl})` : ''}_`, '');
  return lines.join('\n');
}
