import type { PostTasksExecutionContext } from '@nx/devkit';

export interface TaskSpec {
  project: string;
  target: string;
  configuration?: string;
  status: string;
  code?: number;
  start?: number;
  end?: number;
}

/**
 * The context Nx passes to postTasksExecution (nx/src/tasks-runner/run-command.ts): its id,
 * process.argv, the run's start/end and `taskResults` keyed by task id, each with the task
 * (target, startTime, endTime), status and exit code. For specs and the benchmark.
 */
export function nxRunContext(workspaceRoot: string, id: string, args: string[], tasks: TaskSpec[], times?: { start: number; end: number }): PostTasksExecutionContext {
  const taskResults: Record<string, unknown> = {};
  for (const t of tasks) {
    const taskId = [t.project, t.target, t.configuration].filter(Boolean).join(':');
    taskResults[taskId] = {
      task: {
        id: taskId,
        target: { project: t.project, target: t.target, ...(t.configuration ? { configuration: t.configuration } : {}) },
        overrides: {},
        outputs: [],
        cache: true,
        ...(t.start !== undefined ? { startTime: t.start } : {}),
        ...(t.end !== undefined ? { endTime: t.end } : {}),
      },
      status: t.status,
      code: t.code ?? (t.status === 'failure' ? 1 : 0),
    };
  }
  const starts = tasks.map((t) => t.start ?? Infinity);
  const ends = tasks.map((t) => t.end ?? 0);
  return {
    id,
    workspaceRoot,
    nxJsonConfiguration: {},
    argv: ['/usr/bin/node', '/ws/node_modules/nx/bin/nx.js', ...args],
    taskResults: taskResults as PostTasksExecutionContext['taskResults'],
    startTime: times?.start ?? Math.min(...starts),
    endTime: times?.end ?? Math.max(...ends) + 100,
  };
}
