import { updateNxJson, readNxJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { initGenerator } from '../generator';
import { addDoraWorkflow, DORA_WORKFLOW_PATH } from './dora-workflow';

describe('init --doraWorkflow', () => {
  it('adds a weekly workflow with the full history, the dora target and the Datadog secret', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, { doraWorkflow: true });
    const workflow = parse(tree.read(DORA_WORKFLOW_PATH, 'utf-8') as string);
    expect(workflow.on.schedule).toEqual([{ cron: '17 6 * * 1' }]);
    const steps = workflow.jobs.dora.steps;
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    const dora = steps.find((s: { run?: string }) => s.run?.includes('nx run-many -t dora'));
    expect(dora.run).toBe('npx nx run-many -t dora --prometheus=dist/dora/dora.prom --outputFile=dist/dora/dora.json');
    expect(dora.env).toEqual({ DD_API_KEY: '${{ secrets.DD_API_KEY }}', DD_SITE: '${{ vars.DD_SITE }}' });
  });

  it('is not added by default', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, {});
    expect(tree.exists(DORA_WORKFLOW_PATH)).toBe(false);
  });

  it('never overwrites an existing workflow', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write(DORA_WORKFLOW_PATH, 'name: mine\n');
    expect(addDoraWorkflow(tree)).toBe('exists');
    await initGenerator(tree, { doraWorkflow: true });
    expect(tree.read(DORA_WORKFLOW_PATH, 'utf-8')).toBe('name: mine\n');
  });

  it('follows the package manager and a renamed dora target', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('pnpm-lock.yaml', 'lockfileVersion: 9.0\n');
    const nxJson = readNxJson(tree) ?? {};
    updateNxJson(tree, { ...nxJson, plugins: [{ plugin: '@fx/adr-nx', options: { doraTargetName: 'delivery-metrics' } }] });
    addDoraWorkflow(tree);
    const steps = parse(tree.read(DORA_WORKFLOW_PATH, 'utf-8') as string).jobs.dora.steps;
    expect(steps.map((s: { uses?: string; run?: string }) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'pnpm/action-setup@v4',
      'actions/setup-node@v4',
      'pnpm install --frozen-lockfile',
      'pnpm exec nx run-many -t delivery-metrics --prometheus=dist/dora/dora.prom --outputFile=dist/dora/dora.json',
      'actions/upload-artifact@v4',
    ]);
  });
});
