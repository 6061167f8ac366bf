import { getProjects, logger, readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { libraryGenerator } from './generator';
import { loadLibraryGenerator } from './lib/load-library-generator';
import ownPackage from '../../../package.json';

const BOUNDARIES = `---
status: accepted
date: 2026-01-10
decision-makers: [platform-team]
enforcement:
  requiredTags: ["scope:*", "type:*"]
  requiredTargets: [test, lint, typecheck]
  dependencyConstraints:
    - sourceTag: "scope:payments"
      onlyDependOnLibsWithTags: ["scope:payments", "scope:shared"]
    - sourceTag: "scope:shared"
      onlyDependOnLibsWithTags: ["scope:shared"]
    - sourceTag: "type:data"
      onlyDependOnLibsWithTags: ["type:data", "type:util"]
      notDependOnLibsWithTags: ["type:feature"]
---
# Module boundaries by scope and type
`;
const LOGGING = `---
status: accepted
date: 2026-01-11
enforcement:
  bannedImports:
    - name: winston
      use: "@fx/logger"
  restrictedSyntax:
    - selector: "CallExpression[callee.object.name='console']"
      message: "Log through @fx/logger"
      files: ["apps/*-lambda/**"]
---
# Log with pino through @fx/logger
`;
const PROPOSED = `---
status: proposed
date: 2026-01-12
enforcement:
  requiredTargets: [e2e]
---
# Every library has e2e tests
`;

// @nx/js's generator loads many modules the first time.
jest.setTimeout(60_000);

describe('library generator', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    // The test workspace configures oxfmt, which @nx/js would download: this suite is not about formatting.
    tree.delete('.oxfmtrc.json');
    tree.write('nx.json', JSON.stringify({ ...readJson(tree, 'nx.json'), plugins: [{ plugin: '@fx/adr-nx', options: { adrDirectory: 'docs/adr', targetName: 'adr-check' } }] }));
    tree.write('docs/adr/0001-module-boundaries-by-scope-and-type.md', BOUNDARIES);
    tree.write('docs/adr/0002-log-with-pino-through-fx-logger.md', LOGGING);
    tree.write('docs/adr/0003-every-library-has-e2e-tests.md', PROPOSED);
    tree.write('catalog-info.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: acme\nspec:\n  type: service\n  owner: payments-team\n');
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const projectAt = (root: string) => {
    const found = [...getProjects(tree).entries()].find(([, p]) => p.root === root);
    if (!found) throw new Error(`no project at ${root}`);
    return found;
  };

  it('makes an @nx/js library with the required targets, the ADR rules, a Backstage Component and the ADRs in its README', async () => {
    await libraryGenerator(tree, { directory: 'libs/payments/data', tags: 'scope:payments,type:data', skipFormat: true });
    const [name, project] = projectAt('libs/payments/data');
    expect(project.tags).toEqual(['scope:payments', 'type:data']);

    // test and lint by @nx/js's own options, inferred by the Nx plugins it registers (as the CLI does); typecheck added.
    const plugins = (readJson(tree, 'nx.json').plugins as Array<string | { plugin: string }>).map((p) => (typeof p === 'string' ? p : p.plugin));
    expect(plugins).toEqual(expect.arrayContaining(['@nx/jest/plugin', '@nx/eslint/plugin', '@fx/adr-nx']));
    expect(tree.exists('libs/payments/data/jest.config.cts')).toBe(true);
    const targets = readProjectConfiguration(tree, name).targets ?? {};
    expect(targets.test).toBeUndefined();
    expect(targets.typecheck).toEqual(expect.objectContaining({ executor: 'nx:run-commands', options: { command: 'tsc -p libs/payments/data/tsconfig.lib.json --noEmit' } }));

    const eslintConfig = tree.read('libs/payments/data/eslint.config.mjs', 'utf-8') as string;
    expect(eslintConfig).toMatch(/^import adrNx from '@fx\/adr-nx\/eslint';$/m);
    expect(eslintConfig).toMatch(/\.\.\.baseConfig,[\s\S]*adrNx\.configs\.recommended,?\n\];/);

    const catalog = parse(tree.read('libs/payments/data/catalog-info.yaml', 'utf-8') as string);
    expect(catalog).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: expect.any(String), tags: ['scope:payments', 'type:data'], annotations: { 'backstage.io/adr-location': '../../../docs/adr' } },
      spec: { type: 'library', lifecycle: 'experimental', owner: 'payments-team', system: 'payments' },
    });

    const readme = tree.read('libs/payments/data/README.md', 'utf-8') as string;
    expect(readme).toContain('## Architecture decisions');
    expect(readme).toContain(
      '| [ADR-0001](../../../docs/adr/0001-module-boundaries-by-scope-and-type.md) | Module boundaries by scope and type | a tag matching `scope:*`; a tag matching `type:*`; a `test` target; a `lint` target; a `typecheck` target; depends only on libraries tagged `scope:payments`, `scope:shared`; depends only on libraries tagged `type:data`, `type:util`; never depends on libraries tagged `type:feature` |',
    );
    expect(readme).toContain('| [ADR-0002](../../../docs/adr/0002-log-with-pino-through-fx-logger.md) | Log with pino through @fx/logger | does not import `winston` (use `@fx/logger`) |');
    expect(readme).not.toContain('ADR-0003');
    expect(info.mock.calls.join('\n')).toContain('follows ADR-0001, ADR-0002');
  });

  describe('refuses, before writing anything', () => {
    const refuses = async (options: Parameters<typeof libraryGenerator>[1], ...messages: string[]) => {
      const before = tree.listChanges().map((c) => c.path);
      const error = await libraryGenerator(tree, options).then(
        () => null,
        (e: Error) => e,
      );
      expect(error).not.toBeNull();
      for (const m of messages) expect(error?.message).toContain(m);
      expect(tree.listChanges().map((c) => c.path)).toEqual(before);
    };

    it('tags a requiredTags pattern does not find, naming the ADR', async () => {
      await refuses(
        { directory: 'libs/payments/data', tags: 'scope:payments' },
        'nothing was written',
        'no tag matches "type:*", which ADR-0001 "Module boundaries by scope and type" (docs/adr/0001-module-boundaries-by-scope-and-type.md:6) requires of every project',
      );
    });

    it('a tag outside the boundaries the dependency constraints draw', async () => {
      await refuses(
        { directory: 'libs/payments/data', tags: 'scope:paymnts,type:data' },
        '"scope:paymnts" is not a scope: tag the dependency constraints of ADR-0001 "Module boundaries by scope and type" (docs/adr/0001-module-boundaries-by-scope-and-type.md) know (scope:payments, scope:shared): the library would be outside their boundaries.',
      );
    });

    it('an option that leaves out a required target', async () => {
      await refuses({ directory: 'libs/payments/data', tags: 'scope:payments,type:data', unitTestRunner: 'none' }, '--unitTestRunner=none leaves out the "test" target that ADR-0001');
    });

    it('a library path that exists already', async () => {
      tree.write('libs/payments/data/notes.md', 'mine');
      await refuses({ directory: 'libs/payments/data', tags: 'scope:payments,type:data' }, 'libs/payments/data exists already, and generators never overwrite');
      expect(tree.read('libs/payments/data/notes.md', 'utf-8')).toBe('mine');
    });
  });

  it('a required target nobody defined is reported, one from targetDefaults inherited', async () => {
    tree.write('docs/adr/0004-docs.md', '---\nstatus: accepted\ndate: 2026-01-13\nenforcement:\n  requiredTargets: [docs, audit]\n---\n# Every library has docs and an audit\n');
    tree.write('nx.json', JSON.stringify({ ...readJson(tree, 'nx.json'), targetDefaults: { audit: { command: 'npm audit' } } }));
    await libraryGenerator(tree, { directory: 'libs/shared/util', tags: 'scope:shared,type:util', skipFormat: true });
    const targets = readProjectConfiguration(tree, projectAt('libs/shared/util')[0]).targets ?? {};
    expect(targets.audit).toEqual({});
    expect(targets.docs).toBeUndefined();
    expect(warn.mock.calls.join('\n')).toContain('Not added: the target "docs", which ADR-0004 "Every library has docs and an audit"');
  });

  it('eslintrc workspaces get the legacy config extended', async () => {
    tree.write('.eslintrc.json', JSON.stringify({ root: true, plugins: ['@nx'], overrides: [] }));
    await libraryGenerator(tree, { directory: 'libs/shared/util', tags: 'scope:shared,type:util', skipFormat: true });
    expect(readJson(tree, 'libs/shared/util/.eslintrc.json').extends).toEqual(expect.arrayContaining(['plugin:@fx/adr-nx/legacy-recommended']));
    // eslintrc loads the rules from @fx/eslint-plugin-adr-nx: it is added at this package's version.
    expect(readJson(tree, 'package.json').devDependencies['@fx/eslint-plugin-adr-nx']).toBe(ownPackage.version);
  });

  it('says how to install @nx/js when it is missing', async () => {
    tree.write('package.json', JSON.stringify({ name: 'acme', devDependencies: { nx: '23.2.1' } }));
    await expect(loadLibraryGenerator(tree, () => import('@nx/js-not-installed' as string))).rejects.toThrow(
      '@nx/js is not installed, and the library generator builds on it. Run: npm install -D @nx/js@23.2.1',
    );
  });
});
