import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDependenciesToPackageJson, readJson, readNxJson, updateJson, updateNxJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import type * as ts from 'typescript';

/*
 * Wires the @fx/adr-nx ESLint rules into whichever ESLint config the workspace has, like
 * @nx/eslint's generators do: a flat config (eslint.config.*) gets
 * `adrNx.configs.recommended`; an .eslintrc.json gets an override extending
 * `plugin:@fx/adr-nx/legacy-recommended` plus the @fx/eslint-plugin-adr-nx package eslintrc
 * loads it from. Idempotent: a config that already mentions the plugin is left alone.
 */

export const FLAT_CONFIG_FILES = ['eslint.config.mjs', 'eslint.config.js', 'eslint.config.cjs', 'eslint.config.mts', 'eslint.config.ts', 'eslint.config.cts'];
const OTHER_ESLINTRC_FILES = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc'];
export const LEGACY_EXTENDS = 'plugin:@fx/adr-nx/legacy-recommended';
export const LEGACY_PLUGIN_PACKAGE = '@fx/eslint-plugin-adr-nx';
const LINTED_FILES = ['*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'];

export interface EslintWiring {
  /** What was done, for the generator's summary (empty when nothing changed). */
  done: string[];
  /** Installs @fx/eslint-plugin-adr-nx when it was added to package.json. */
  install?: GeneratorCallback;
}

export function ownVersion(): string {
  // src/generators/init/lib -> the package root, in the repo and in the published package alike.
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export function loadTypescript(): typeof ts | null {
  try {
    return require('typescript') as typeof ts;
  } catch {
    return null;
  }
}

/** Adds `<name>.configs.recommended` to a flat config's exported array; null when the file's shape is not one we can edit safely. */
export function addRecommendedToFlatConfig(text: string, fileName: string, tsModule: typeof ts): string | null {
  const source = tsModule.createSourceFile(fileName, text, tsModule.ScriptTarget.Latest, true, tsModule.ScriptKind.TS);
  const esm = /\.m[jt]s$/.test(fileName) || source.statements.some((s) => tsModule.isExportAssignment(s) || tsModule.isImportDeclaration(s));
  let exported: ts.Expression | undefined;
  for (const statement of source.statements) {
    if (tsModule.isExportAssignment(statement)) exported = statement.expression;
    else if (
      tsModule.isExpressionStatement(statement) &&
      tsModule.isBinaryExpression(statement.expression) &&
      statement.expression.left.getText(source) === 'module.exports'
    ) {
      exported = statement.expression.right;
    }
  }
  let list: ts.NodeArray<ts.Expression> | undefined;
  let closing: number | undefined;
  if (exported && tsModule.isArrayLiteralExpression(exported)) {
    list = exported.elements;
    closing = exported.getEnd() - 1;
  } else if (exported && tsModule.isCallExpression(exported)) {
    // tseslint.config(...), defineConfig([...])
    const [only] = exported.arguments;
    if (exported.arguments.length === 1 && tsModule.isArrayLiteralExpression(only)) {
      list = only.elements;
      closing = only.getEnd() - 1;
    } else {
      list = exported.arguments;
      closing = exported.getEnd() - 1;
    }
  }
  if (!list || closing === undefined) return null;

  const name = /\badrNx\b/.test(text) ? 'fxAdrNx' : 'adrNx';
  const entry = `${name}.configs.recommended`;
  let withEntry: string;
  if (list.length === 0) {
    withEntry = `${text.slice(0, closing)}${entry}${text.slice(closing)}`;
  } else {
    const last = list[list.length - 1];
    const insertAt = list.hasTrailingComma ? text.indexOf(',', last.getEnd()) + 1 : last.getEnd();
    withEntry = `${text.slice(0, insertAt)}${list.hasTrailingComma ? '' : ','}\n  ${entry}${list.hasTrailingComma ? ',' : ''}${text.slice(insertAt)}`;
  }
  const importLine = esm ? `import ${name} from '@fx/adr-nx/eslint';\n` : `const ${name} = require('@fx/adr-nx/eslint');\n`;
  const imports = source.statements.filter((s) =>
    esm ? tsModule.isImportDeclaration(s) : tsModule.isVariableStatement(s) && /\brequire\(/.test(s.getText(source)),
  );
  const importAt = imports.length ? imports[imports.length - 1].getEnd() + 1 : 0;
  // The import goes above the export, so positions after it shift by its length: insert it last.
  return `${withEntry.slice(0, importAt)}${importLine}${withEntry.slice(importAt)}`;
}

function wireFlatConfig(tree: Tree, file: string, done: string[]): void {
  const text = tree.read(file, 'utf-8') ?? '';
  if (text.includes('@fx/adr-nx/eslint')) return;
  const tsModule = loadTypescript();
  const updated = tsModule ? addRecommendedToFlatConfig(text, file, tsModule) : null;
  if (updated === null) {
    done.push(`could not edit ${file} safely: add \`import adrNx from '@fx/adr-nx/eslint'\` and \`adrNx.configs.recommended\` to its exported config by hand`);
    return;
  }
  tree.write(file, updated);
  done.push(`added adrNx.configs.recommended to ${file}`);
}

function wireEslintrcJson(tree: Tree, done: string[]): GeneratorCallback | undefined {
  const config = readJson(tree, '.eslintrc.json');
  if (!JSON.stringify(config).includes(LEGACY_EXTENDS)) {
    updateJson(tree, '.eslintrc.json', (json) => {
      json.overrides = [...(json.overrides ?? []), { files: LINTED_FILES, extends: [LEGACY_EXTENDS] }];
      return json;
    });
    done.push(`added an override extending ${LEGACY_EXTENDS} to .eslintrc.json`);
  }
  // eslintrc loads `plugins: ["@fx/adr-nx"]` from this package, never from @fx/adr-nx itself.
  const pkg = tree.exists('package.json') ? readJson(tree, 'package.json') : {};
  if (pkg.dependencies?.[LEGACY_PLUGIN_PACKAGE] || pkg.devDependencies?.[LEGACY_PLUGIN_PACKAGE]) return undefined;
  done.push(`added ${LEGACY_PLUGIN_PACKAGE} to devDependencies (eslintrc loads the plugin under that name)`);
  return addDependenciesToPackageJson(tree, {}, { [LEGACY_PLUGIN_PACKAGE]: ownVersion() });
}

/** The name of @nx/eslint's inferred lint target (its plugin option), or null when the plugin is not registered. */
function lintTargetName(tree: Tree): string | null {
  for (const entry of readNxJson(tree)?.plugins ?? []) {
    if (entry === '@nx/eslint/plugin') return 'lint';
    if (typeof entry === 'object' && entry.plugin === '@nx/eslint/plugin') return ((entry.options as { targetName?: string } | undefined)?.targetName ?? 'lint');
  }
  return null;
}

/**
 * Lint results depend on the ADRs: make them an input of the inferred lint target, so Nx's cache
 * re-runs lint when an ADR is accepted or superseded. `'...'` keeps the inputs @nx/eslint infers
 * (array spread in targetDefaults, Nx 23).
 */
function addAdrsToLintInputs(tree: Tree, adrDirectory: string, done: string[]): void {
  const target = lintTargetName(tree);
  if (!target) return;
  const nxVersion = tree.exists('node_modules/nx/package.json') ? (readJson(tree, 'node_modules/nx/package.json').version as string) : '';
  if (Number(nxVersion.split('.')[0]) < 23) return;
  const glob = `{workspaceRoot}/${adrDirectory}/*.md`;
  const nxJson = readNxJson(tree) ?? {};
  const defaults = (nxJson.targetDefaults ??= {});
  const entry = (defaults[target] ??= {}) as { inputs?: unknown[] };
  if (entry.inputs?.includes(glob)) return;
  entry.inputs = entry.inputs ? [...entry.inputs, glob] : ['...', glob];
  updateNxJson(tree, nxJson);
  done.push(`made ${adrDirectory}/*.md an input of the ${target} target (nx.json targetDefaults)`);
}

/** Adds the recommended config to the workspace's ESLint config, whichever kind it is. */
export function wireEslint(tree: Tree, adrDirectory: string): EslintWiring {
  const done: string[] = [];
  const flat = FLAT_CONFIG_FILES.find((f) => tree.exists(f));
  let install: GeneratorCallback | undefined;
  if (flat) wireFlatConfig(tree, flat, done);
  else if (tree.exists('.eslintrc.json')) install = wireEslintrcJson(tree, done);
  else {
    const other = OTHER_ESLINTRC_FILES.find((f) => tree.exists(f));
    if (other) done.push(`${other} is not edited automatically: add "${LEGACY_EXTENDS}" to its extends and install ${LEGACY_PLUGIN_PACKAGE}`);
    return { done };
  }
  addAdrsToLintInputs(tree, adrDirectory, done);
  return { done, install };
}
