import { logger, type ExecutorContext } from '@nx/devkit';
import { reportTimings } from './lib/report-timings';
import type { ReportTimingsExecutorSchema } from './schema';

/** `nx run <root project>:report-timings`: sends recorded Nx task timings to Datadog (dry run without DD_API_KEY). */
export default async function reportTimingsExecutor(options: ReportTimingsExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const { success } = await reportTimings(options, { root: context.root, env: process.env, logger });
  return { success };
}
