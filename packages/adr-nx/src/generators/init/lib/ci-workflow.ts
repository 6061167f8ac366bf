import { readNxJson, type Tree } from '@nx/devkit';
import { findPluginEntry, normalizePluginOptions } from '../../../plugin-options';

export const CI_WORKFLOW_PATH = '.github/workflows/ci.yml';

type PackageManager = 'npm' | 'pnpm' | 'yarn';

function packageManager(tree: Tree): PackageManager {
  if (tree.exists('pnpm-lock.yaml')) return 'pnpm';
  if (tree.exists('yarn.lock')) return 'yarn';
  return 'npm';
}

const INSTALL: Record<PackageManager, string> = {
  npm: 'npm ci',
  pnpm: 'pnpm install --frozen-lockfile',
  yarn: 'yarn install --frozen-lockfile',
};

const EXEC: Record<PackageManager, string> = { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn' };

/** The PR workflow: affected lint/test/build/adr-check, then the timings of those tasks to Datadog whatever happened. */
export function ciWorkflowYaml(tree: Tree): string {
  const options = normalizePluginOptions(findPluginEntry(readNxJson(tree)));
  const pm = packageManager(tree);
  const nx = `${EXEC[pm]} nx`;
  return `# Added by @fx/adr-nx (nx g @fx/adr-nx:init --ciWorkflow). Yours to edit.
name: CI

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  main:
    runs-on: ubuntu-latest
    env:
      NX_NO_CLOUD: true
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
${pm === 'pnpm' ? '      - uses: pnpm/action-setup@v4\n' : ''}      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: ${pm}
      - run: ${INSTALL[pm]}
      # Sets NX_BASE / NX_HEAD for nx affected.
      - uses: nrwl/nx-set-shas@v4
      - run: ${nx} affected -t lint test build ${options.targetName}
      # The plugin recorded every task above: send their timings to Datadog even when a task
      # failed, and put the slowest tasks in the job summary. Without the DD_API_KEY secret it is
      # a dry run that prints what it would send. It never fails the job unless --failOnError.
      - name: Nx task timings to Datadog
        if: always()
        run: ${nx} run-many -t ${options.reportTimingsTargetName}
        env:
          DD_API_KEY: \${{ secrets.DD_API_KEY }}
          DD_SITE: \${{ vars.DD_SITE }}
`;
}

/** Writes .github/workflows/ci.yml unless the file exists (never overwritten); says whether an existing one reports timings. */
export function addCiWorkflow(tree: Tree): 'created' | 'exists' | 'exists-with-timings' {
  if (tree.exists(CI_WORKFLOW_PATH)) {
    const target = normalizePluginOptions(findPluginEntry(readNxJson(tree))).reportTimingsTargetName;
    return tree.read(CI_WORKFLOW_PATH, 'utf-8')?.includes(target) ? 'exists-with-timings' : 'exists';
  }
  tree.write(CI_WORKFLOW_PATH, ciWorkflowYaml(tree));
  return 'created';
}
