import { madrFilePathFilter, parseMadrWithFrontmatter } from '@backstage/plugin-adr-common';
import { readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initGenerator } from '../init/generator';
import { adrGenerator } from './generator';

describe('adr generator', () => {
  let tree: Tree;
  beforeEach(async () => {
    tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, {});
  });

  const changed = () => tree.listChanges().map((c) => `${c.type} ${c.path}`).sort();

  it('writes the next number with a lowercase ascii slug, and the log', async () => {
    await adrGenerator(tree, { title: 'Use Prometheus for metrics', date: '2026-11-22', tags: 'observability, metrics', decisionMakers: 'platform-team' });
    const path = 'docs/adr/0001-use-prometheus-for-metrics.md';
    const text = tree.read(path, 'utf-8') as string;
    expect(madrFilePathFilter(path)).toBe(true);
    expect(parseMadrWithFrontmatter(text)).toMatchObject({ status: 'proposed', date: '2026-11-22' });
    expect(text.match(/^# .*$/gm)).toEqual(['# Use Prometheus for metrics']);
    expect(text).toContain('tags: [observability, metrics]');
    expect(tree.read('docs/adr/README.md', 'utf-8')).toContain('| [ADR-0001](0001-use-prometheus-for-metrics.md) | Use Prometheus for metrics | proposed | 2026-11-22 |');

    await adrGenerator(tree, { title: 'Größe: ünïcödé', status: 'accepted' });
    expect(tree.exists('docs/adr/0002-grosse-unicode.md')).toBe(true);
  });

  it('uses the full template, a team template, and the plugin\'s adrDirectory', async () => {
    await adrGenerator(tree, { title: 'Full', template: 'full' });
    expect(tree.read('docs/adr/0001-full.md', 'utf-8')).toContain('## Pros and Cons of the Options');

    tree.write('tools/adr-template.md', '---\ninformed: [everyone]\n---\n# {short title}\n\n## Why {{title}}\n');
    await adrGenerator(tree, { title: 'Team style', template: 'tools/adr-template.md' });
    const team = tree.read('docs/adr/0002-team-style.md', 'utf-8') as string;
    expect(team).toContain('# Team style\n\n## Why Team style');
    expect(team).toContain('informed: [everyone]');

    const nxJson = readJson(tree, 'nx.json');
    nxJson.plugins = [{ plugin: '@fx/adr-nx', options: { adrDirectory: 'architecture/decisions' } }];
    tree.write('nx.json', JSON.stringify(nxJson));
    await adrGenerator(tree, { title: 'Elsewhere' });
    expect(tree.exists('architecture/decisions/0001-elsewhere.md')).toBe(true);
  });

  it('a template on disk (outside the tree) is read from the workspace root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'adr-tpl-'));
    writeFileSync(join(root, 'tpl.md'), '# X\n\nDisk template\n');
    const diskTree = createTreeWithEmptyWorkspace();
    Object.defineProperty(diskTree, 'root', { value: root });
    await adrGenerator(diskTree, { title: 'From disk', template: 'tpl.md' });
    expect(diskTree.read('docs/adr/0001-from-disk.md', 'utf-8')).toContain('Disk template');
  });

  it('--supersedes marks the old ADR and links both ways', async () => {
    await adrGenerator(tree, { title: 'Log with winston', status: 'accepted' });
    await adrGenerator(tree, { title: 'Log with pino', status: 'accepted', supersedes: 1 });
    const old = tree.read('docs/adr/0001-log-with-winston.md', 'utf-8') as string;
    expect(parseMadrWithFrontmatter(old).attributes).toMatchObject({ status: 'superseded', 'superseded-by': 2 });
    expect(old).toContain('Superseded by [ADR-0002: Log with pino](0002-log-with-pino.md).');
    const next = tree.read('docs/adr/0002-log-with-pino.md', 'utf-8') as string;
    expect(next).toContain('supersedes: [1]');
    expect(next).toContain('Supersedes [ADR-0001: Log with winston](0001-log-with-winston.md).');
    expect(tree.read('docs/adr/README.md', 'utf-8')).toContain('superseded by ADR-0002');
  });

  describe('bad input: one clear error, nothing written', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['empty title', { title: '   ' }, 'The title is empty'],
      ['title that slugs to nothing', { title: '!!! ???' }, 'has no letters or digits'],
      ['unknown status', { title: 'X', status: 'approved' }, '--status=approved is not a status'],
      ['unreal date', { title: 'X', date: '2026-02-30' }, '--date=2026-02-30 is not a real date'],
      ['date in another format', { title: 'X', date: '22/11/2026' }, 'is not a real date written YYYY-MM-DD'],
      ['supersedes nothing', { title: 'X', supersedes: 42 }, '--supersedes=42: there is no ADR-0042 in docs/adr'],
      ['missing template', { title: 'X', template: 'nope.md' }, '--template=nope.md: no such template'],
      ['bad discussion URL', { title: 'X', discussion: 'not a url' }, 'is not an http(s) URL'],
    ];
    it.each(cases)('%s', async (_name, options, message) => {
      const before = changed();
      await expect(adrGenerator(tree, options as never)).rejects.toThrow(message);
      expect(changed()).toEqual(before);
    });

    it('supersedes an ADR that is already superseded', async () => {
      await adrGenerator(tree, { title: 'A', status: 'accepted' });
      await adrGenerator(tree, { title: 'B', status: 'accepted', supersedes: 1 });
      const before = changed();
      await expect(adrGenerator(tree, { title: 'C', supersedes: 1 })).rejects.toThrow('ADR-0001 (docs/adr/0001-a.md) is already superseded by ADR-0002');
      expect(changed()).toEqual(before);
    });

    it('never reuses a number a file already holds', async () => {
      // An image is not an ADR (not counted for numbering) but its name holds 0001.
      tree.write('docs/adr/0001-context-diagram.png', 'PNG');
      const before = changed();
      await expect(adrGenerator(tree, { title: 'Next' })).rejects.toThrow('docs/adr/0001-context-diagram.png already uses number 0001');
      expect(changed()).toEqual(before);
    });

    it('path and shell characters in a title are only text', async () => {
      await adrGenerator(tree, { title: '../x $(rm -rf /)' });
      const files = tree.children('docs/adr');
      expect(files).toContain('0001-x-rm-rf.md');
      expect(tree.read('docs/adr/0001-x-rm-rf.md', 'utf-8')).toContain('# ../x $(rm -rf /)');
      expect(tree.exists('x.md')).toBe(false);
    });
  });
});
