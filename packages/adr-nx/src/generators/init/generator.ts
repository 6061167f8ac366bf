import { logger, type Tree } from '@nx/devkit';
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

/** What `nx add @fx/adr-nx` runs. Idempotent: a second run finds everything in place and changes nothing. */
export async function initGenerator(tree: Tree, options: InitGeneratorSchema = {}) {
  const dir = (options.adrDirectory ?? 'docs/adr').replace(/^\.\//, '').replace(/\/+$/, '');
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
