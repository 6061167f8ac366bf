import { updateJson, type Tree } from '@nx/devkit';

/** Where the ESLint plugin of @fx/adr-nx lives (flat configs import it; DESIGN.md fixes these names). */
export const ADR_ESLINT_MODULE = '@fx/adr-nx/eslint';
/** eslintrc resolves `plugin:@fx/adr-nx/...` through the package @fx/eslint-plugin-adr-nx. */
export const ADR_LEGACY_EXTENDS = 'plugin:@fx/adr-nx/legacy-recommended';
export const ADR_LEGACY_PACKAGE = '@fx/eslint-plugin-adr-nx';

const FLAT_NAMES = ['eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.js'];

export type EslintWiring =
  | { kind: 'inherited'; file: string }
  | { kind: 'added'; file: string; legacy: boolean }
  | { kind: 'none'; reason: string };

const join = (root: string, name: string) => (root === '.' || root === '' ? name : `${root}/${name}`);

/**
 * Puts the ADR rules (`recommended` config of @fx/adr-nx) into the library's ESLint config: as a
 * flat config entry, or as an eslintrc `extends`. When the workspace's root config has them and
 * the library's config builds on it, nothing is added (they are inherited).
 */
export function wireAdrRules(tree: Tree, projectRoot: string): EslintWiring {
  const flat = FLAT_NAMES.map((n) => join(projectRoot, n)).find((p) => tree.exists(p));
  if (flat) return wireFlat(tree, flat);
  const legacy = join(projectRoot, '.eslintrc.json');
  if (tree.exists(legacy)) return wireLegacy(tree, legacy);
  return { kind: 'none', reason: `${projectRoot} has no ESLint config (eslint.config.mjs or .eslintrc.json)` };
}

function rootHasFlatRules(tree: Tree): boolean {
  return FLAT_NAMES.some((n) => tree.exists(n) && (tree.read(n, 'utf-8') ?? '').includes(ADR_ESLINT_MODULE));
}

function wireFlat(tree: Tree, file: string): EslintWiring {
  const text = tree.read(file, 'utf-8') ?? '';
  if (text.includes(ADR_ESLINT_MODULE)) return { kind: 'added', file, legacy: false };
  const importsRoot = /from ['"](\.\.\/)+eslint\.config\.[cm]?js['"]|require\(['"](\.\.\/)+eslint\.config\.[cm]?js['"]\)/.test(text);
  if (importsRoot && rootHasFlatRules(tree)) return { kind: 'inherited', file };

  const esm = /export\s+default\s*\[/.test(text);
  const array = esm ? /export\s+default\s*\[/ : /module\.exports\s*=\s*\[/;
  const m = array.exec(text);
  if (!m) return { kind: 'none', reason: `${file} does not export an array this generator can add to; add ${ADR_ESLINT_MODULE}'s configs.recommended to it by hand` };
  // After `...baseConfig,` when there is one, so the ADR rules come after the workspace's.
  const spread = /\n(\s*)\.\.\.\w+,\s*\n/.exec(text.slice(m.index));
  const at = spread ? m.index + spread.index + spread[0].length : m.index + m[0].length + (text[m.index + m[0].length] === '\n' ? 1 : 0);
  const indent = spread ? spread[1] : '  ';
  const entry = `${indent}adr.configs.recommended,\n`;
  const importLine = esm ? `import adr from '${ADR_ESLINT_MODULE}';\n` : `const adr = require('${ADR_ESLINT_MODULE}');\n`;
  const body = text.slice(0, at) + entry + text.slice(at);
  // The import goes after the file's last import (or require) line, else first.
  const lastImport = [...body.matchAll(esm ? /^import .*;?$/gm : /^const .*require\(.*\);?$/gm)].pop();
  const importAt = lastImport ? (lastImport.index as number) + lastImport[0].length + 1 : 0;
  tree.write(file, body.slice(0, importAt) + importLine + body.slice(importAt));
  return { kind: 'added', file, legacy: false };
}

function wireLegacy(tree: Tree, file: string): EslintWiring {
  const extendsOf = (path: string): string[] => {
    try {
      const json = JSON.parse(tree.read(path, 'utf-8') ?? '{}') as { extends?: string | string[] };
      return Array.isArray(json.extends) ? json.extends : json.extends ? [json.extends] : [];
    } catch {
      return [];
    }
  };
  if (extendsOf(file).includes(ADR_LEGACY_EXTENDS)) return { kind: 'added', file, legacy: true };
  if (tree.exists('.eslintrc.json') && extendsOf('.eslintrc.json').includes(ADR_LEGACY_EXTENDS) && extendsOf(file).some((e) => /(\.\.\/)+\.eslintrc\.json$/.test(e))) {
    return { kind: 'inherited', file };
  }
  updateJson(tree, file, (json: { extends?: string | string[] }) => {
    const list = Array.isArray(json.extends) ? json.extends : json.extends ? [json.extends] : [];
    json.extends = [...list, ADR_LEGACY_EXTENDS];
    return json;
  });
  return { kind: 'added', file, legacy: true };
}
