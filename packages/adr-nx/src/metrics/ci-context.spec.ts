import { ciTagValues, githubActionsContext } from './ci-context';

describe('githubActionsContext', () => {
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/monorepo',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'main',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REF_NAME: 'main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SERVER_URL: 'https://github.example.com',
  };

  it('is null outside GitHub Actions', () => expect(githubActionsContext({ CI: 'true' })).toBeNull());

  it('reads the run, using the head branch on pull requests', () => {
    expect(ciTagValues(githubActionsContext(env))).toEqual({ repository: 'acme/monorepo', workflow: 'CI', job: 'main', run_id: '42', run_attempt: '1', branch: 'main', event: 'push' });
    expect(githubActionsContext({ ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF_NAME: '7/merge', GITHUB_HEAD_REF: 'fix/x' })?.branch).toBe('fix/x');
    expect(githubActionsContext(env)?.runUrl).toBe('https://github.example.com/acme/monorepo/actions/runs/42');
  });
});
