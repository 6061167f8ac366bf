import type { PostTasksExecutionContext } from '@nx/devkit';

/**
 * One Nx run as the recorder writes it: one NDJSON line in the timings store.
 * Times are epoch milliseconds, as Nx gives them. `v` lets a later format read old lines.
 */
export interface RecordedTask {
  /** Nx task id, e.g. `lib-a:build:production`. */
  id: string;
  project: string;
  target: string;
  configuration?: string;
  /** Nx's status: success | failure | skipped | stopped | local-cache | local-cache-kept-existing | remote-cache. */
  status: string;
  /** Exit code Nx reports for the task. */
  code: number;
  start?: number;
  end?: number;
}

export interface RecordedRun {
  v: 1;
  /** Nx's id of the run (shared by pre/postTasksExecution). */
  id: string;
  /** The command line Nx was started with (process.argv), parsed later to tag the command. */
  argv: string[];
  start: number;
  end: number;
  tasks: RecordedTask[];
}

/**
 * The run as recorded, from Nx's postTasksExecution context. Task timings live on
 * `taskResults[id].task.startTime/endTime` (nx/src/native TaskResult, Nx 20.4+).
 * `skipTargets`: targets not worth recording (report-timings itself).
 */
export function toRecordedRun(context: PostTasksExecutionContext, skipTargets: ReadonlySet<string>): RecordedRun | null {
  const tasks: RecordedTask[] = [];
  for (const [id, result] of Object.entries(context.taskResults ?? {})) {
    const task = result?.task;
    const target = task?.target;
    if (!target || skipTargets.has(target.target)) continue;
    tasks.push({
      id: task.id ?? id,
      project: target.project,
      target: target.target,
      ...(target.configuration ? { configuration: target.configuration } : {}),
      status: result.status,
      code: result.code,
      ...(typeof task.startTime === 'number' ? { start: task.startTime } : {}),
      ...(typeof task.endTime === 'number' ? { end: task.endTime } : {}),
    });
  }
  if (tasks.length === 0) return null;
  return { v: 1, id: context.id, argv: [...(context.argv ?? [])], start: context.startTime, end: context.endTime, tasks };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Reads one stored line back; null (with the reason) when it is not a run this version understands. */
export function parseRunLine(line: string): { run: RecordedRun } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not JSON (a write was cut short?)' };
  }
  const run = value as RecordedRun;
  if (!run || run.v !== 1) return { error: `unknown record version ${JSON.stringify((run as { v?: unknown })?.v)}` };
  if (!isStr(run.id) || !isNum(run.start) || !isNum(run.end) || !Array.isArray(run.argv) || !Array.isArray(run.tasks)) return { error: 'a run needs id, argv, start, end and tasks' };
  const bad = run.tasks.findIndex((t) => !isStr(t?.project) || !isStr(t?.target) || !isStr(t?.status) || (t.start !== undefined && !isNum(t.start)) || (t.end !== undefined && !isNum(t.end)));
  if (bad >= 0) return { error: `task ${bad} needs project, target, status and numeric start/end` };
  return { run };
}
