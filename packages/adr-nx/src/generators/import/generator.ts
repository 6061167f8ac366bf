import { logger, readNxJson, type Tree } from '@nx/devkit';
import { AdrInputError, planImport, readAdrsInTree, regenerateDecisionLog, writeNewAdr } from '../../adr';
import { adrDirectoryFrom, normalizeAdrDirectory } from '../../plugin-options';
import { today } from '../adr/generator';
import { formatImportErrors, formatImportReport } from './lib/report';
import { openSourceFolder } from './lib/source-folder';
import type { ImportGeneratorSchema } from './schema';

/**
 * `nx g @fx/adr-nx:import --source=doc/adr`: converts a folder of ADRs into the workspace's ADR
 * folder in the canonical format. All or nothing: any error and nothing is written.
 */
export async function importGenerator(tree: Tree, options: ImportGeneratorSchema) {
  const sourceOption = String(options.source ?? '').trim();
  if (!sourceOption) throw new AdrInputError('--source is empty. Give the folder that holds the ADRs to import, e.g. --source=doc/adr.');
  const target = normalizeAdrDirectory(options.directory ?? adrDirectoryFrom(readNxJson(tree)));
  const numbering = options.numbering ?? 'auto';
  if (!['auto', 'keep', 'append'].includes(numbering)) throw new AdrInputError(`--numbering=${numbering}: use auto, keep or append.`);

  const source = openSourceFolder(tree, sourceOption);
  if (source.inWorkspace === target) {
    throw new AdrInputError(
      `--source=${sourceOption} is the ADR folder itself, and the import never overwrites. Move the old ADRs aside first (git mv ${target} ${target}-old), import from there, then delete ${target}-old.`,
    );
  }

  const existing = readAdrsInTree(tree, target);
  const plan = planImport(source.files, {
    targetDir: target,
    existing: existing.map((a) => ({ number: a.number, fileName: a.fileName })),
    numbering,
    today: today(),
    dateOf: (name) => source.dateAdded(name),
    sourceHas: (p) => source.has(p),
    sourceDirInWorkspace: source.inWorkspace,
  });
  if (plan.notes.some((n) => n.level === 'error')) throw new AdrInputError(formatImportErrors(plan, source.display));

  for (const adr of plan.adrs) {
    writeNewAdr(tree, target, {
      number: adr.number,
      title: adr.title,
      slug: adr.fileName.replace(/^\d{4}-/, '').replace(/\.md$/, ''),
      frontMatter: adr.frontMatter,
      body: adr.body,
    });
  }
  for (const asset of plan.assets) {
    const bytes = source.readBytes(asset.from);
    if (bytes === null) continue;
    const existingBytes = tree.exists(asset.to) ? tree.read(asset.to) : null;
    if (existingBytes === null) tree.write(asset.to, bytes);
    else if (!existingBytes.equals(bytes)) {
      plan.notes.push({ file: asset.from, line: 1, level: 'warning', message: `${asset.to} exists with other content: not copied (never overwritten)`, hint: 'Copy it under another name and update the link.' });
    }
  }
  regenerateDecisionLog(tree, target);
  logger.info(formatImportReport(plan, source.display, target));
}

export default importGenerator;
