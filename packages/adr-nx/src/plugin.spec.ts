import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CreateNodesContextV2, TargetConfiguration } from '@nx/devkit';
import { createNodesV2 } from './plugin';

describe('plugin: inferred adr-check targets', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'adr-plugin-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function targets(files: string[], options = {}): Promise<Record<string, TargetConfiguration>> {
    const context = { workspaceRoot: root, nxJsonConfiguration: {} } as CreateNodesContextV2;
    const results = await createNodesV2[1](files, options, context);
    const byRoot: Record<string, TargetConfiguration> = {};
    for (const [, result] of results) for (const [projectRoot, project] of Object.entries(result.projects ?? {})) byRoot[projectRoot] = project.targets?.['adr-check'] as TargetConfiguration;
    return byRoot;
  }

  it('the root project checks the documents once per run, on the ADR folder only; libraries check their compliance', async () => {
    write('package.json', JSON.stringify({ name: 'ws', nx: {}, workspaces: ['libs/*'] }));
    const t = await targets(['package.json', 'libs/a/project.json', 'libs/b/package.json']);
    expect(t['.']).toMatchObject({ executor: '@fx/adr-nx:adr-check', cache: true, options: { adrDirectory: 'docs/adr', documents: true }, inputs: ['{workspaceRoot}/docs/adr/**/*'] });
    expect(t['libs/a'].options).toEqual({ adrDirectory: 'docs/adr' });
    expect(t['libs/a'].inputs).toEqual(['{workspaceRoot}/docs/adr/*.md', '!{workspaceRoot}/docs/adr/README.md', 'default', { fileset: '{projectRoot}/project.json', dependencies: true }]);
    expect(t['libs/b'].inputs).toEqual(t['libs/a'].inputs);
  });

  it('without a root project, the project holding the ADR folder checks the documents (and its own compliance)', async () => {
    const t = await targets(['docs/project.json', 'apps/x/project.json'], { adrDirectory: 'docs/decisions', targetName: 'adr-check' });
    expect(t['docs'].options).toEqual({ adrDirectory: 'docs/decisions', documents: true });
    expect(t['docs'].inputs).toEqual(['{workspaceRoot}/docs/decisions/**/*', 'default', { fileset: '{projectRoot}/project.json', dependencies: true }]);
    expect(t['apps/x'].options).toEqual({ adrDirectory: 'docs/decisions' });
  });

  it('else the first project in path order checks the documents', async () => {
    const t = await targets(['libs/z/project.json', 'apps/x/project.json']);
    expect(t['apps/x'].options).toMatchObject({ documents: true });
    expect(t['libs/z'].options).not.toHaveProperty('documents');
  });

  it('re-runs when the installed @fx/adr-nx changes (not when it is this repository\'s own source)', async () => {
    write('node_modules/@fx/adr-nx/package.json', '{"name":"@fx/adr-nx"}');
    const t = await targets(['libs/a/project.json']);
    expect(t['libs/a'].inputs).toContainEqual({ externalDependencies: ['@fx/adr-nx'] });
  });
});
