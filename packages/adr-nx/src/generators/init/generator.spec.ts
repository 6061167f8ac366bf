import { readJson, readNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parseMadrWithFrontmatter } from '@backstage/plugin-adr-common';
import { initGenerator } from './generator';

describe('init generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('registers the plugin, writes the meta-ADR and the log, creates catalog-info.yaml', async () => {
    await initGenerator(tree, {});
    expect(readNxJson(tree)?.plugins).toContainEqual({ plugin: '@fx/adr-nx', options: { adrDirectory: 'docs/adr', targetName: 'adr-check' } });
    const meta = tree.read('docs/adr/0000-record-architecture-decisions.md', 'utf-8') as string;
    expect(parseMadrWithFrontmatter(meta).status).toBe('accepted');
    expect(tree.read('docs/adr/README.md', 'utf-8')).toContain('[ADR-0000](0000-record-architecture-decisions.md)');
    expect(tree.read('catalog-info.yaml', 'utf-8')).toContain('kind: Component\nmetadata:\n  name: proj-source\n  annotations:\n    backstage.io/adr-location: docs/adr\n');
    expect(readJson(tree, 'package.json').nx).toEqual({ includedScripts: [] });
  });

  it('running it twice changes nothing', async () => {
    await initGenerator(tree, {});
    const snapshot = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString()]));
    await initGenerator(tree, {});
    for (const change of tree.listChanges()) expect(change.content?.toString()).toBe(snapshot.get(change.path));
  });

  it('keeps every other line of an existing catalog-info.yaml', async () => {
    const existing = [
      '# our service',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '    name: "payments"   # quoted on purpose',
      '    annotations:',
      '        github.com/project-slug: org/payments',
      'spec: { type: service, owner: team-a, lifecycle: production }',
      '---',
      'kind: System',
      'metadata:',
      '  name: sys',
      '',
    ].join('\n');
    tree.write('catalog-info.yaml', existing);
    await initGenerator(tree, {});
    const after = tree.read('catalog-info.yaml', 'utf-8') as string;
    expect(after).toBe(existing.replace('    annotations:\n', '    annotations:\n        backstage.io/adr-location: docs/adr\n'));
  });

  it('adds an annotations map when metadata has none', async () => {
    tree.write('catalog-info.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\nspec:\n  owner: me\n');
    await initGenerator(tree, { adrDirectory: 'architecture/decisions' });
    expect(tree.read('catalog-info.yaml', 'utf-8')).toBe(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  annotations:\n    backstage.io/adr-location: architecture/decisions\n  name: x\nspec:\n  owner: me\n',
    );
    expect(tree.exists('architecture/decisions/0000-record-architecture-decisions.md')).toBe(true);
  });

  it('a second run uses the folder nx.json names, and refuses a different one', async () => {
    await initGenerator(tree, { adrDirectory: 'decisions' });
    const before = tree.listChanges().map((c) => c.path).sort();
    await initGenerator(tree, {});
    expect(tree.listChanges().map((c) => c.path).sort()).toEqual(before);
    expect(tree.exists('docs/adr')).toBe(false);
    await expect(initGenerator(tree, { adrDirectory: 'docs/adr' })).rejects.toThrow('already registers @fx/adr-nx with adrDirectory "decisions"');
  });

  it('leaves an existing meta-ADR, plugin entry and root project alone', async () => {
    tree.write('project.json', '{"name":"root"}');
    tree.write('docs/adr/0000-our-own-meta.md', '---\nstatus: accepted\ndate: 2020-01-01\n---\n# Ours\n');
    const nxJson = readNxJson(tree) ?? {};
    nxJson.plugins = [{ plugin: '@fx/adr-nx', options: { adrDirectory: 'docs/adr', targetName: 'check-adrs' } }];
    tree.write('nx.json', JSON.stringify(nxJson));
    await initGenerator(tree, {});
    expect(tree.exists('docs/adr/0000-record-architecture-decisions.md')).toBe(false);
    expect(readNxJson(tree)?.plugins).toEqual(nxJson.plugins);
    expect(readJson(tree, 'package.json').nx).toBeUndefined();
  });
});
