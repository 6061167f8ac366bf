import { readNxJson, type Tree } from '@nx/devkit';
import { findPluginEntry, normalizePluginOptions } from '../../../plugin-options';
import { checkoutAndInstallSteps, PACKAGE_MANAGER_COMMANDS, packageManagerOf } from './package-manager';

export const CI_WORKFLOW_PATH = '.github/workflows/ci.yml';

/** The PR workflow: affected lint/test/build/adr-check, then the timings of those tasks to Datadog whatever happened. */
export function ciWorkflowYaml(tree: Tree): string {
  const options = normalizePluginOptions(findPluginEntry(readNxJson(tree)));
  const pm = packageManagerOf(tree);
  const { exec } = PACKAGE_MANAGER_COMMANDS[pm];
  const nx = `${exec} nx`;
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
${checkoutAndInstallSteps(pm)}      # Sets NX_BASE / NX_HEAD for nx affected.
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
