import { readJson, readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import * as ts from 'typescript';
import { addRecommendedToFlatConfig, LEGACY_EXTENDS, LEGACY_PLUGIN_PACKAGE, wireEslint } from './eslint';

// What `nx g @nx/eslint:init` / create-nx-workspace write today.
const NX_FLAT_CONFIG = `import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist'],
  },
];
`;

describe('init: ESLint wiring', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('adds the recommended config to an Nx flat config (eslint.config.mjs), once', () => {
    tree.write('eslint.config.mjs', NX_FLAT_CONFIG);
    expect(wireEslint(tree, 'docs/adr').done).toEqual(['added adrNx.configs.recommended to eslint.config.mjs']);
    expect(tree.read('eslint.config.mjs', 'utf-8')).toBe(`import nx from '@nx/eslint-plugin';
import adrNx from '@fx/adr-nx/eslint';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist'],
  },
  adrNx.configs.recommended,
];
`);
    expect(wireEslint(tree, 'docs/adr')).toEqual({ done: [], install: undefined });
  });

  it('handles CommonJS, typescript-eslint config() calls and empty arrays', () => {
    expect(addRecommendedToFlatConfig("const nx = require('@nx/eslint-plugin');\n\nmodule.exports = [...nx.configs['flat/base']];\n", 'eslint.config.cjs', ts)).toBe(
      "const nx = require('@nx/eslint-plugin');\nconst adrNx = require('@fx/adr-nx/eslint');\n\nmodule.exports = [...nx.configs['flat/base'],\n  adrNx.configs.recommended];\n",
    );
    expect(addRecommendedToFlatConfig("import tseslint from 'typescript-eslint';\nexport default tseslint.config(a, b);\n", 'eslint.config.js', ts)).toBe(
      "import tseslint from 'typescript-eslint';\nimport adrNx from '@fx/adr-nx/eslint';\nexport default tseslint.config(a, b,\n  adrNx.configs.recommended);\n",
    );
    expect(addRecommendedToFlatConfig('export default [];\n', 'eslint.config.mjs', ts)).toBe("import adrNx from '@fx/adr-nx/eslint';\nexport default [adrNx.configs.recommended];\n");
  });

  it('leaves a config it cannot edit safely untouched and says what to add', () => {
    const text = 'const config = [];\nexport default config;\n';
    tree.write('eslint.config.mjs', text);
    expect(wireEslint(tree, 'docs/adr').done).toEqual([expect.stringContaining('could not edit eslint.config.mjs safely')]);
    expect(tree.read('eslint.config.mjs', 'utf-8')).toBe(text);
  });

  it('extends legacy-recommended in .eslintrc.json and adds the package eslintrc loads it from, once', () => {
    tree.write('.eslintrc.json', JSON.stringify({ root: true, plugins: ['@nx'], overrides: [{ files: ['*.ts'], rules: {} }] }));
    const first = wireEslint(tree, 'docs/adr');
    expect(first.done).toEqual([`added an override extending ${LEGACY_EXTENDS} to .eslintrc.json`, `added ${LEGACY_PLUGIN_PACKAGE} to devDependencies (eslintrc loads the plugin under that name)`]);
    expect(typeof first.install).toBe('function');
    expect(readJson(tree, '.eslintrc.json').overrides[1]).toEqual({ files: expect.arrayContaining(['*.ts', '*.js', '*.mjs']), extends: [LEGACY_EXTENDS] });
    expect(readJson(tree, 'package.json').devDependencies[LEGACY_PLUGIN_PACKAGE]).toMatch(/^\d+\.\d+\.\d+/);
    expect(wireEslint(tree, 'docs/adr')).toEqual({ done: [], install: undefined });
  });

  it('makes the ADRs an input of the inferred lint target on Nx 23, keeping the inferred inputs', () => {
    tree.write('eslint.config.mjs', NX_FLAT_CONFIG);
    tree.write('node_modules/nx/package.json', JSON.stringify({ name: 'nx', version: '23.2.1' }));
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: '@nx/eslint/plugin', options: { targetName: 'eslint' } }] });
    expect(wireEslint(tree, 'docs/adr').done).toContain('made docs/adr/*.md an input of the eslint target (nx.json targetDefaults)');
    expect(readNxJson(tree)?.targetDefaults?.eslint).toEqual({ inputs: ['...', '{workspaceRoot}/docs/adr/*.md'] });
    wireEslint(tree, 'docs/adr');
    expect(readNxJson(tree)?.targetDefaults?.eslint).toEqual({ inputs: ['...', '{workspaceRoot}/docs/adr/*.md'] });
  });

  it('does nothing without an ESLint config, and only explains for eslintrc files it does not edit', () => {
    expect(wireEslint(tree, 'docs/adr')).toEqual({ done: [] });
    tree.write('.eslintrc.yml', 'root: true\n');
    expect(wireEslint(tree, 'docs/adr').done).toEqual([expect.stringContaining('.eslintrc.yml is not edited automatically')]);
    expect(tree.read('.eslintrc.yml', 'utf-8')).toBe('root: true\n');
  });
});
