import { logger, readNxJson, type Tree } from '@nx/devkit';
import { findPluginEntry, normalizeAdrDirectory, normalizePluginOptions } from '../../plugin-options';
import { META_ADR_BODY, readAdrsInTree, regenerateDecisionLog, writeNewAdr } from '../../adr';
import { today } from '../adr/generator';
import { annotateCatalogInfo } from './lib/catalog-info';
import { wireEslint } from './lib/eslint';
import { addCiWorkflow, CI_WORKFLOW_PATH } from './lib/ci-workflow';
import { addDoraWorkflow, DORA_WORKFLOW_PATH } from './lib/dora-workflow';
import { registerPlugin } from './lib/register-plugin';
import { ensureRootProject } from './lib/root-project';
import { addTechDocs } from './lib/techdocs';
import type { InitGeneratorSchema } from './schema';

/**
 * The ADR folder: the one nx.json already names when the plugin is registered (so a second run
 * never scatters a meta-ADR elsewhere), else the option, else docs/adr.
 */
function resolveAdrDirectory(tree: Tree, requested: string | undefined): string {
  const entry = findPluginEntry(readNxJson(tree));
  if (entry === undefined) return normalizeAdrDirectory(requested ?? 'docs/adr');
  const registered = normalizePluginOptions(entry).adrDirectory;
  if (requested !== undefined && normalizeAdrDirectory(requested) !== registered) {
    throw new Error(
      `nx.json already registers @fx/adr-nx with adrDirectory "${registered}", not "${normalizeAdrDirectory(requested)}". ` +
        'Change the plugin options in nx.json (and move the ADRs) to use another folder, or run init without --adrDirectory.',
    );
  }
  return registered;
}

/** What `nx add @fx/adr-nx` runs. Idempotent: a second run finds everything in place and changes nothing. */
export async function initGenerator(tree: Tree, options: InitGeneratorSchema = {}) {
  const dir = resolveAdrDirectory(tree, options.adrDirectory);
  const done: string[] = [];

  if (registerPlugin(tree, dir)) done.push('registered @fx/adr-nx in nx.json');
  if (ensureRootProject(tree)) done.push('made the workspace root an Nx project (for report-timings and dora)');

  const adrs = readAdrsInTree(tree, dir);
  if (!adrs.some((a) => a.number === 0)) {
    const meta = writeNewAdr(tree, dir, {
      number: 0,
      title: 'Record architecture decisions',
      frontMatter: { status: 'accepted', date: today(), 'decision-makers': [], consulted: [], informed: [], tags: ['process'] },
      body: META_ADR_BODY,
    });
    done.push(`wrote ${meta.path}`);
  }
  const readmeBefore = tree.exists(`${dir}/README.md`) ? tree.read(`${dir}/README.md`, 'utf-8') : null;
  regenerateDecisionLog(tree, dir);
  if (tree.read(`${dir}/README.md`, 'utf-8') !== readmeBefore) done.push(`updated the decision log in ${dir}/README.md`);

  if (options.catalogInfo !== false) {
    const result = annotateCatalogInfo(tree, dir, options.owner ?? 'platform-team');
    if (result !== 'unchanged') done.push(`${result} catalog-info.yaml (backstage.io/adr-location: ${dir})`);
  }

  if (options.techdocs) done.push(...addTechDocs(tree, dir));

  const eslint = options.eslint !== false ? wireEslint(tree, dir) : { done: [] };
  done.push(...eslint.done);

  const workflow = options.ciWorkflow ? addCiWorkflow(tree) : null;
  if (workflow === 'created') done.push(`wrote ${CI_WORKFLOW_PATH} (affected checks, then report-timings)`);
  if (workflow === 'exists') done.push(`left the existing ${CI_WORKFLOW_PATH} as it is (add a report-timings step with if: always() to it)`);

  const dora = options.doraWorkflow ? addDoraWorkflow(tree) : null;
  if (dora) done.push(dora === 'created' ? `wrote ${DORA_WORKFLOW_PATH} (weekly DORA metrics)` : `left the existing ${DORA_WORKFLOW_PATH} as it is`);

  logger.info(done.length ? `@fx/adr-nx: ${done.join('; ')}.` : '@fx/adr-nx: already set up; nothing to change.');
  return eslint.install;
}

export default initGenerator;
