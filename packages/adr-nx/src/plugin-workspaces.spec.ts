import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageJsonProjectMatcher } from './plugin';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'adr-nx-ws-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('which package.json files are projects (as Nx decides)', () => {
  it('npm workspaces with a ! exclusion', () => {
    const isProject = packageJsonProjectMatcher(workspace({ 'package.json': JSON.stringify({ workspaces: ['packages/*', '!packages/b'] }) }));
    expect(isProject('packages/a/package.json')).toBe(true);
    expect(isProject('packages/b/package.json')).toBe(false);
    expect(isProject('tools/fixture/package.json')).toBe(false);
    expect(isProject('package.json')).toBe(false);
  });

  it('pnpm-workspace.yaml packages, and a root with an "nx" key', () => {
    const isProject = packageJsonProjectMatcher(
      workspace({ 'package.json': JSON.stringify({ name: 'root', nx: {} }), 'pnpm-workspace.yaml': "packages:\n  - 'libs/**'\n  - '!libs/legacy/**'\n" }),
    );
    expect(isProject('libs/a/b/package.json')).toBe(true);
    expect(isProject('libs/legacy/x/package.json')).toBe(false);
    expect(isProject('package.json')).toBe(true);
  });
});
