/**
 * The CI run a metric came from, read from GitHub Actions' default environment variables
 * (https://docs.github.com/actions/reference/variables-reference). Shared by report-timings and dora.
 */

export interface CiContext {
  provider: 'github-actions';
  repository?: string;
  workflow?: string;
  job?: string;
  runId?: string;
  runAttempt?: string;
  /** The PR's head branch on pull_request events, else the branch or tag that triggered the run. */
  branch?: string;
  event?: string;
  sha?: string;
  /** Link to the run page, for summaries. */
  runUrl?: string;
}

type Env = Record<string, string | undefined>;

/** Null outside GitHub Actions. */
export function githubActionsContext(env: Env = process.env): CiContext | null {
  if (env.GITHUB_ACTIONS !== 'true') return null;
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    provider: 'github-actions',
    repository: env.GITHUB_REPOSITORY || undefined,
    workflow: env.GITHUB_WORKFLOW || undefined,
    job: env.GITHUB_JOB || undefined,
    runId: env.GITHUB_RUN_ID || undefined,
    runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
    branch: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || undefined,
    event: env.GITHUB_EVENT_NAME || undefined,
    sha: env.GITHUB_SHA || undefined,
    runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
}

/** Tag key -> value of the CI context; keys are the ones users filter by in Datadog. */
export function ciTagValues(ctx: CiContext | null): Record<string, string | undefined> {
  if (!ctx) return {};
  return {
    repository: ctx.repository,
    workflow: ctx.workflow,
    job: ctx.job,
    run_id: ctx.runId,
    run_attempt: ctx.runAttempt,
    branch: ctx.branch,
    event: ctx.event,
  };
}

