import { readNxJson, updateNxJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { initGenerator } from '../generator';
import { addCiWorkflow, CI_WORKFLOW_PATH } from './ci-workflow';

interface Step {
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}

describe('init --ciWorkflow', () => {
  it('adds a PR workflow: affected checks, then report-timings with if: always() and the key from secrets', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, { ciWorkflow: true });
    const workflow = parse(tree.read(CI_WORKFLOW_PATH, 'utf-8') ?? '');
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    const steps: Step[] = workflow.jobs.main.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx nx affected -t lint test build adr-check', 'npx nx run-many -t report-timings']);
    const timings = steps[steps.length - 1];
    expect(timings.if).toBe('always()');
    expect(timings.env).toEqual({ DD_API_KEY: '${{ secrets.DD_API_KEY }}', DD_SITE: '${{ vars.DD_SITE }}' });
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))).toBeDefined();
  });

  it('follows the plugin options and the package manager', () => {
    const tree = createTreeWithEmptyWorkspace();
    const nxJson = readNxJson(tree) ?? {};
    nxJson.plugins = [{ plugin: '@fx/adr-nx', options: { targetName: 'adr', reportTimingsTargetName: 'timings' } }];
    updateNxJson(tree, nxJson);
    tree.write('pnpm-lock.yaml', '');
    addCiWorkflow(tree);
    const text = tree.read(CI_WORKFLOW_PATH, 'utf-8') ?? '';
    expect(text).toContain('pnpm install --frozen-lockfile');
    expect(text).toContain('pnpm exec nx affected -t lint test build adr\n');
    expect(text).toContain('pnpm exec nx run-many -t timings\n');
  });

  it('never overwrites an existing workflow, and is off by default', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, {});
    expect(tree.exists(CI_WORKFLOW_PATH)).toBe(false);
    tree.write(CI_WORKFLOW_PATH, 'name: mine\n');
    expect(addCiWorkflow(tree)).toBe('exists');
    await initGenerator(tree, { ciWorkflow: true });
    expect(tree.read(CI_WORKFLOW_PATH, 'utf-8')).toBe('name: mine\n');
  });
});
