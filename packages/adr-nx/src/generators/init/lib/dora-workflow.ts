import { readNxJson, type Tree } from '@nx/devkit';
import { findPluginEntry, normalizePluginOptions } from '../../../plugin-options';
import { checkoutAndInstallSteps, PACKAGE_MANAGER_COMMANDS, packageManagerOf } from './package-manager';

export const DORA_WORKFLOW_PATH = '.github/workflows/dora.yml';

/** A weekly scheduled job: the four DORA keys of the last 90 days, to the job summary, Datadog and a Prometheus artifact. */
export function doraWorkflowYaml(tree: Tree): string {
  const target = normalizePluginOptions(findPluginEntry(readNxJson(tree))).doraTargetName;
  const pm = packageManagerOf(tree);
  const { exec } = PACKAGE_MANAGER_COMMANDS[pm];
  return `# Added by @fx/adr-nx (nx g @fx/adr-nx:init --doraWorkflow). Yours to edit; see docs/dora.md.
name: DORA metrics

on:
  schedule:
    - cron: '17 6 * * 1' # Mondays 06:17 UTC
  workflow_dispatch:

permissions:
  contents: read

jobs:
  dora:
    runs-on: ubuntu-latest
    env:
      NX_NO_CLOUD: true
    steps:
${checkoutAndInstallSteps(pm)}      # Table in the job summary; fx.dora.* to Datadog (a dry run without the DD_API_KEY secret);
      # Prometheus text kept as an artifact. Add --events=<file> for incidents and deployment events,
      # --pushgateway=\${{ vars.PUSHGATEWAY_URL }} to push to Prometheus.
      - run: ${exec} nx run-many -t ${target} --prometheus=dist/dora/dora.prom --outputFile=dist/dora/dora.json
        env:
          DD_API_KEY: \${{ secrets.DD_API_KEY }}
          DD_SITE: \${{ vars.DD_SITE }}
      - uses: actions/upload-artifact@v4
        with:
          name: dora
          path: dist/dora/
`;
}

/** Writes .github/workflows/dora.yml unless it exists: an existing file is never overwritten. */
export function addDoraWorkflow(tree: Tree): 'created' | 'exists' {
  if (tree.exists(DORA_WORKFLOW_PATH)) return 'exists';
  tree.write(DORA_WORKFLOW_PATH, doraWorkflowYaml(tree));
  return 'created';
}
