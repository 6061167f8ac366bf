import { getProjects, logger, readNxJson, readProjectConfiguration, updateProjectConfiguration, type GeneratorCallback, type Tree } from '@nx/devkit';
import { AdrInputError, readAdrsInTree } from '../../adr';
import { buildPolicy } from '../../policy/build-policy';
import { findPluginEntry, normalizeAdrDirectory, normalizePluginOptions } from '../../plugin-options';
import { splitList } from '../adr/generator';
import { tagViolations } from './lib/check-tags';
import { workspaceCatalogSpec, writeComponentCatalogInfo } from './lib/component-catalog-info';
import { wireAdrRules } from './lib/eslint-config';
import { loadLibraryGenerator } from './lib/load-library-generator';
import { addReadmeSection, requirementsByAdr } from './lib/readme-section';
import { planRequiredTargets } from './lib/required-targets';
import type { LibraryGeneratorSchema } from './schema';

// Options this generator reads itself; everything else goes to @nx/js:library as given.
const OWN_OPTIONS = new Set(['owner', 'system', 'description', 'adrDirectory']);

function normalizeDirectory(directory: unknown): string {
  const dir = String(directory ?? '').trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (!dir) throw new AdrInputError('The library needs a directory, e.g. nx g @fx/adr-nx:library libs/payments/data --tags=scope:payments,type:data.');
  if (dir.startsWith('/') || dir.split('/').includes('..')) throw new AdrInputError(`"${dir}" is outside the workspace: give a path relative to the workspace root, e.g. libs/payments/data.`);
  return dir;
}

/**
 * `nx g @fx/adr-nx:library libs/payments/data --tags=scope:payments,type:data`: an @nx/js library
 * that complies with every accepted ADR from its first commit. Everything that can be refused is
 * refused before anything is written.
 */
export async function libraryGenerator(tree: Tree, options: LibraryGeneratorSchema): Promise<GeneratorCallback> {
  const directory = normalizeDirectory(options.directory);
  if (tree.exists(directory)) {
    throw new AdrInputError(`${directory} exists already, and generators never overwrite. Choose another directory (or delete that one first).`);
  }
  const clash = [...getProjects(tree).entries()].find(([name, p]) => p.root === directory || name === options.name);
  if (clash) throw new AdrInputError(`There is a project "${clash[0]}" at ${clash[1].root} already. Choose another directory or --name.`);

  const nxJson = readNxJson(tree);
  const pluginOptions = normalizePluginOptions(findPluginEntry(nxJson));
  const adrDirectory = normalizeAdrDirectory(options.adrDirectory ?? pluginOptions.adrDirectory);
  const policy = buildPolicy(readAdrsInTree(tree, adrDirectory));
  const tags = splitList(options.tags);

  const problems = tagViolations(tags, policy);
  const targets = planRequiredTargets(policy.requiredTargets, options, { nxJson, adrCheckTarget: pluginOptions.targetName, projectRoot: directory });
  problems.push(...targets.conflicts);
  if (problems.length) {
    throw new AdrInputError([`The accepted ADRs do not allow this library; nothing was written:`, ...problems.map((p) => `  - ${p}`)].join('\n'));
  }

  const nxJsLibrary = await loadLibraryGenerator(tree);
  const passThrough = Object.fromEntries(Object.entries(options).filter(([key]) => !OWN_OPTIONS.has(key)));
  const callback = await nxJsLibrary(tree, {
    ...passThrough,
    directory,
    tags: tags.join(','),
    // The ADR rules are ESLint rules: a library without a linter could not be checked by them.
    linter: options.linter ?? 'eslint',
    // @nx/js's exported generator defaults to executors in project.json; `nx g @nx/js:library`
    // infers targets through the Nx plugins unless told not to. Do what the CLI does.
    addPlugin: options.addPlugin ?? (process.env.NX_ADD_PLUGINS !== 'false' && nxJson?.useInferencePlugins !== false),
    ...targets.libraryOptions,
  });

  const project = [...getProjects(tree).entries()].find(([, p]) => p.root === directory);
  if (!project) throw new Error(`@nx/js:library did not create a project at ${directory}.`);
  const [projectName] = project;
  if (Object.keys(targets.addTargets).length) {
    const config = readProjectConfiguration(tree, projectName);
    config.targets = { ...(config.targets ?? {}), ...targets.addTargets };
    updateProjectConfiguration(tree, projectName, config);
  }

  const eslint = wireAdrRules(tree, directory);
  const inherited = workspaceCatalogSpec(tree);
  const scope = tags.find((t) => t.startsWith('scope:'))?.slice('scope:'.length);
  const catalog = writeComponentCatalogInfo(tree, {
    projectName,
    projectRoot: directory,
    adrDirectory,
    owner: options.owner ?? inherited.owner ?? 'platform-team',
    system: options.system ?? scope ?? inherited.system,
    description: options.description,
    tags,
  });
  addReadmeSection(tree, directory, projectName, adrDirectory, policy, tags);

  const applying = [...requirementsByAdr(policy, tags, directory).keys()];
  logger.info(
    [
      `${projectName} (${directory}) follows ${applying.length ? applying.join(', ') : 'the accepted ADRs (none has enforcement for it)'}.`,
      targets.provided.length ? `Required targets: ${targets.provided.join(', ')}.` : '',
      eslint.kind === 'none' ? `ESLint: ${eslint.reason}.` : `ESLint: ADR rules ${eslint.kind === 'inherited' ? 'inherited from the workspace config' : `added to ${eslint.file}`}.`,
      `Backstage: ${catalog}.`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  for (const missing of targets.missing) logger.warn(`Not added: the target ${missing}. adr-check reports it until it exists.`);
  return async () => {
    await callback?.();
    if (eslint.kind === 'added') await eslint.install?.();
  };
}

export default libraryGenerator;
