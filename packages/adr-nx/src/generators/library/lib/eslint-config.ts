import { addDependenciesToPackageJson, readJson, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { addRecommendedToFlatConfig, FLAT_CONFIG_FILES, LEGACY_EXTENDS, LEGACY_PLUGIN_PACKAGE, loadTypescript, ownVersion } from '../../init/lib/eslint';

/** The module flat configs import the ADR rules from (fixed in DESIGN.md). */
export const ADR_ESLINT_MODULE = '@fx/adr-nx/eslint';

export type EslintWiring =
  | { kind: 'inherited'; file: string }
  | { kind: 'added'; file: string; install?: GeneratorCallback }
  | { kind: 'none'; reason: string };

const inProject = (root: string, name: string) => (root === '.' || root === '' ? name : `${root}/${name}`);

/**
 * Puts the ADR rules into the library's own ESLint config, the way init puts them into the
 * workspace's (the same editing code): flat configs get `configs.recommended`, an eslintrc
 * `extends` gets `plugin:@fx/adr-nx/legacy-recommended`. When the workspace config has them
 * and the library's config builds on it, nothing is added: they are inherited.
 */
export function wireAdrRules(tree: Tree, projectRoot: string): EslintWiring {
  const flat = FLAT_CONFIG_FILES.map((n) => inProject(projectRoot, n)).find((p) => tree.exists(p));
  if (flat) return wireFlat(tree, flat);
  const legacy = inProject(projectRoot, '.eslintrc.json');
  if (tree.exists(legacy)) return wireLegacy(tree, legacy);
  return { kind: 'none', reason: `${projectRoot} has no eslint.config.* or .eslintrc.json` };
}

function wireFlat(tree: Tree, file: string): EslintWiring {
  const text = tree.read(file, 'utf-8') ?? '';
  if (text.includes(ADR_ESLINT_MODULE)) return { kind: 'added', file };
  const buildsOnRoot = /['"](?:\.\.\/)+eslint\.config\.[cm]?[jt]s['"]/.test(text);
  const root = FLAT_CONFIG_FILES.find((f) => tree.exists(f));
  if (buildsOnRoot && root && (tree.read(root, 'utf-8') ?? '').includes(ADR_ESLINT_MODULE)) return { kind: 'inherited', file };
  const tsModule = loadTypescript();
  const updated = tsModule ? addRecommendedToFlatConfig(text, file, tsModule) : null;
  if (updated === null) return { kind: 'none', reason: `${file} could not be edited safely: add \`import adrNx from '${ADR_ESLINT_MODULE}'\` and \`adrNx.configs.recommended\` to its exported config` };
  tree.write(file, updated);
  return { kind: 'added', file };
}

function extendsOf(tree: Tree, path: string): string[] {
  const config = readJson(tree, path) as { extends?: string | string[]; overrides?: Array<{ extends?: string | string[] }> };
  return [config.extends, ...(config.overrides ?? []).map((o) => o.extends)].flatMap((e) => (Array.isArray(e) ? e : e ? [e] : []));
}

function wireLegacy(tree: Tree, file: string): EslintWiring {
  if (extendsOf(tree, file).includes(LEGACY_EXTENDS)) return { kind: 'added', file };
  const buildsOnRoot = extendsOf(tree, file).some((e) => /^(?:\.\.\/)+\.eslintrc\.json$/.test(e));
  if (buildsOnRoot && tree.exists('.eslintrc.json') && extendsOf(tree, '.eslintrc.json').includes(LEGACY_EXTENDS)) return { kind: 'inherited', file };
  updateJson(tree, file, (json: { extends?: string | string[] }) => {
    const list = Array.isArray(json.extends) ? json.extends : json.extends ? [json.extends] : [];
    json.extends = [...list, LEGACY_EXTENDS];
    return json;
  });
  // eslintrc loads the plugin from @fx/eslint-plugin-adr-nx, never from @fx/adr-nx itself.
  const pkg = tree.exists('package.json') ? readJson(tree, 'package.json') : {};
  const present = pkg.dependencies?.[LEGACY_PLUGIN_PACKAGE] || pkg.devDependencies?.[LEGACY_PLUGIN_PACKAGE];
  return { kind: 'added', file, install: present ? undefined : addDependenciesToPackageJson(tree, {}, { [LEGACY_PLUGIN_PACKAGE]: ownVersion() }) };
}
