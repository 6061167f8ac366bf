import type { Tree } from '@nx/devkit';
import { applyDecisionLog } from './decision-log';
import { readAdrDirectory } from './directory';
import { treeSource } from './file-source';
import { adrFileName, formatAdrNumber } from './naming';
import { nextAdrNumber } from './numbering';
import { parseAdr } from './parse';
import { renderAdrFile, updateFrontMatterInText } from './render';
import { formatAdrId, type AdrDocument, type AdrFrontMatter } from './types';

/** Errors for the user: the message says what is wrong and what to do. Nothing was written. */
export class AdrInputError extends Error {
  override name = 'AdrInputError';
}

export interface NewAdr {
  title: string;
  frontMatter: AdrFrontMatter;
  /** Markdown body starting with `# Title`. */
  body: string;
  /** Number to use; default: the next free one. */
  number?: number;
  /** File name slug; default: from the title. Importers keep the old file's slug so links from elsewhere still read alike. */
  slug?: string;
}

export interface WrittenAdr {
  path: string;
  number: number;
  id: string;
  document: AdrDocument;
}

export function readAdrsInTree(tree: Tree, dir: string): AdrDocument[] {
  return readAdrDirectory(treeSource(tree), dir).adrs;
}

/** Writes a new ADR file; refuses to overwrite or to reuse a number. Does not touch the log. */
export function writeNewAdr(tree: Tree, dir: string, input: NewAdr): WrittenAdr {
  const names = tree.exists(dir) ? tree.children(dir) : [];
  // Parsing the folder is only needed to find the next number (importers give theirs: no O(n²)).
  const number = input.number ?? nextAdrNumber(readAdrsInTree(tree, dir).map((a) => a.number));
  const prefix = `${formatAdrNumber(number)}-`;
  const clash = names.find((n) => n.startsWith(prefix));
  if (clash) {
    throw new AdrInputError(`${dir}/${clash} already uses number ${formatAdrNumber(number)}. Pick another number, or renumber one of them.`);
  }
  const path = `${dir}/${adrFileName(number, input.slug || input.title)}`;
  if (tree.exists(path)) throw new AdrInputError(`${path} exists already; generators never overwrite.`);
  const text = renderAdrFile(input.frontMatter, input.body);
  const document = parseAdr(text, path);
  const errors = document.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    throw new AdrInputError(errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}${e.hint ? ` (${e.hint})` : ''}`).join('\n'));
  }
  tree.write(path, text);
  return { path, number, id: formatAdrId(number), document };
}

/** The text of an ADR marked superseded by `by`: front-matter keys plus a link under its title. */
export function markSupersededInText(text: string, by: { number: number; title: string; path: string }): string {
  let updated = updateFrontMatterInText(text, { status: 'superseded', 'superseded-by': by.number });
  const link = `Superseded by [${formatAdrId(by.number)}: ${by.title}](${by.path.split('/').pop()}).`;
  if (!updated.includes(link)) {
    updated = updated.replace(/^(# .*\n)/m, `$1\n> ${link}\n`);
  }
  return updated;
}

/** Marks `old` as superseded by `by`, in its front-matter and with a link under its title. */
export function markSuperseded(tree: Tree, old: AdrDocument, by: { number: number; title: string; path: string }): void {
  tree.write(old.path, markSupersededInText(tree.read(old.path, 'utf-8') ?? '', by));
}

/** Rewrites the decision log in `<dir>/README.md` from the ADRs now in the tree. */
export function regenerateDecisionLog(tree: Tree, dir: string): void {
  const readmePath = `${dir}/README.md`;
  const current = tree.exists(readmePath) ? tree.read(readmePath, 'utf-8') : null;
  const next = applyDecisionLog(current, readAdrsInTree(tree, dir));
  if (next !== current) tree.write(readmePath, next);
}
