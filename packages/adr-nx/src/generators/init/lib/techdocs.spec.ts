import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { initGenerator } from '../generator';
import { addTechDocs } from './techdocs';

const repoDocs = join(__dirname, '..', '..', '..', '..', '..', '..', 'docs');

describe('init --techdocs', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('is off by default', async () => {
    await initGenerator(tree, {});
    expect(tree.exists('mkdocs.yml')).toBe(false);
    expect(tree.read('catalog-info.yaml', 'utf-8')).not.toContain('techdocs-ref');
  });

  it('adds mkdocs.yml, the process pages and the techdocs-ref annotation', async () => {
    await initGenerator(tree, { techdocs: true });
    expect(parse(tree.read('mkdocs.yml', 'utf-8') as string)).toEqual({ site_name: expect.any(String), docs_dir: 'docs', plugins: ['techdocs-core'] });
    const process = tree.read('docs/adr-process.md', 'utf-8') as string;
    expect(process).toBe(readFileSync(join(repoDocs, 'process.md'), 'utf8'));
    expect(tree.read('docs/reviewing-adr-prs.md', 'utf-8')).toContain('](adr-process.md)');
    expect(tree.read('docs/index.md', 'utf-8')).toContain('* [Architecture decisions](adr/README.md)');
    const catalog = parse(tree.read('catalog-info.yaml', 'utf-8') as string);
    expect(catalog.metadata.annotations).toEqual({ 'backstage.io/adr-location': 'docs/adr', 'backstage.io/techdocs-ref': 'dir:.' });
  });

  it('keeps every other line of an existing catalog-info.yaml, and never overwrites', () => {
    const catalog = '# owned by payments\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "payments"   # quoted on purpose\n  annotations:\n    github.com/project-slug: acme/payments\nspec:\n  owner: payments-team\n';
    tree.write('catalog-info.yaml', catalog);
    tree.write('mkdocs.yml', 'site_name: Mine\n');
    const done = addTechDocs(tree, 'docs/adr');
    expect(tree.read('catalog-info.yaml', 'utf-8')).toBe(catalog.replace('  annotations:\n', '  annotations:\n    backstage.io/techdocs-ref: dir:.\n'));
    expect(tree.read('mkdocs.yml', 'utf-8')).toBe('site_name: Mine\n');
    expect(done).not.toContain('wrote mkdocs.yml');
    expect(addTechDocs(tree, 'docs/adr')).toEqual([]);
  });

  it('links the decision log wherever the ADRs live', () => {
    addTechDocs(tree, 'docs/decisions');
    expect(tree.read('docs/index.md', 'utf-8')).toContain('(decisions/README.md)');
    expect(tree.read('docs/adr-process.md', 'utf-8')).toContain('[decision log](decisions/README.md)');
    const outside = createTreeWithEmptyWorkspace();
    expect(addTechDocs(outside, 'architecture/adr')).toContain('no catalog-info.yaml: add "backstage.io/techdocs-ref: dir:." to your catalog entity\'s annotations');
    expect(outside.read('docs/index.md', 'utf-8')).toContain('Architecture decisions: `architecture/adr`');
  });
});
