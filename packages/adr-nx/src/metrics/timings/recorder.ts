import type { PostTasksExecutionContext } from '@nx/devkit';
import { normalizePluginOptions, type AdrNxPluginOptions } from '../../plugin-options';
import { toRecordedRun } from './run-record';
import { appendRun, timingsDirectory } from './store';

/**
 * The plugin's postTasksExecution hook: appends the run that just finished (its tasks, their
 * status, cache status, exit code and times) to the timings store for report-timings to send.
 * It may run inside the Nx daemon's plugin worker, so it prints nothing, makes no network
 * call and never throws: recording must never fail or slow down the user's run (it is one
 * JSON.stringify and one append). Turn it off with the plugin option `recordTimings: false`.
 */
export function recordTimings(options: AdrNxPluginOptions | undefined, context: PostTasksExecutionContext): void {
  try {
    const normalized = normalizePluginOptions(options);
    if (!normalized.recordTimings) return;
    const run = toRecordedRun(context, new Set([normalized.reportTimingsTargetName]));
    if (run) appendRun(timingsDirectory(context.workspaceRoot), run);
  } catch {
    // Timings are a nicety; the user's run is not.
  }
}
