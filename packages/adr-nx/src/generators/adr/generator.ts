import { logger, readNxJson, type Tree } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADR_STATUSES,
  AdrInputError,
  BUILTIN_TEMPLATES,
  fillTemplate,
  formatAdrId,
  isRealDate,
  markSuperseded,
  readAdrsInTree,
  regenerateDecisionLog,
  slugify,
  writeNewAdr,
  type AdrFrontMatter,
} from '../../adr';
import matter from 'gray-matter';
import { adrDirectoryFrom, normalizeAdrDirectory } from '../../plugin-options';
import type { AdrGeneratorSchema } from './schema';

export function splitList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : value.split(',');
  return items.map((s) => String(s).trim()).filter(Boolean);
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function loadTemplate(tree: Tree, template: string): { body: string; frontMatter: AdrFrontMatter } {
  if (template in BUILTIN_TEMPLATES) return { body: BUILTIN_TEMPLATES[template as keyof typeof BUILTIN_TEMPLATES], frontMatter: {} };
  // A team's own template: from the tree first (so a template written by an earlier generator counts), else disk.
  let text = tree.exists(template) ? tree.read(template, 'utf-8') : null;
  if (text === null && existsSync(join(tree.root, template))) text = readFileSync(join(tree.root, template), 'utf8');
  if (text === null) {
    throw new AdrInputError(`--template=${template}: no such template. Use minimal, full, or a path (from the workspace root) to a markdown file.`);
  }
  const parsed = matter(text);
  return { body: parsed.content, frontMatter: parsed.data as AdrFrontMatter };
}

/** Validates options; throws AdrInputError before anything is written. */
function validate(options: AdrGeneratorSchema): { title: string; status: string; date: string } {
  const title = String(options.title ?? '').trim();
  if (!title) throw new AdrInputError('The title is empty. Give the decision a short title, e.g. nx g @fx/adr-nx:adr "Use Prometheus for metrics".');
  if (/[\r\n]/.test(title)) throw new AdrInputError('The title must be one line.');
  if (!slugify(title)) {
    throw new AdrInputError(`The title "${title}" has no letters or digits to name the file with. Use words, e.g. "Use Prometheus for metrics".`);
  }
  const status = options.status ?? 'proposed';
  if (!(ADR_STATUSES as readonly string[]).includes(status)) {
    throw new AdrInputError(`--status=${status} is not a status. Use one of: ${ADR_STATUSES.join(', ')}.`);
  }
  const date = options.date ?? today();
  if (!isRealDate(date)) throw new AdrInputError(`--date=${date} is not a real date written YYYY-MM-DD (e.g. 2026-11-22).`);
  if (options.discussion !== undefined && !/^https?:\/\/\S+$/.test(options.discussion)) {
    throw new AdrInputError(`--discussion=${options.discussion} is not an http(s) URL.`);
  }
  return { title, status, date };
}

export async function adrGenerator(tree: Tree, options: AdrGeneratorSchema) {
  const { title, status, date } = validate(options);
  const dir = normalizeAdrDirectory(options.directory ?? adrDirectoryFrom(readNxJson(tree)));
  const existing = readAdrsInTree(tree, dir);

  const superseded = options.supersedes === undefined ? undefined : existing.find((a) => a.number === Number(options.supersedes));
  if (options.supersedes !== undefined) {
    const id = formatAdrId(Number(options.supersedes));
    if (!superseded) throw new AdrInputError(`--supersedes=${options.supersedes}: there is no ${id} in ${dir}.`);
    if (superseded.status === 'superseded' || superseded.frontMatter['superseded-by'] !== undefined) {
      const by = superseded.frontMatter['superseded-by'];
      throw new AdrInputError(`${id} (${superseded.path}) is already superseded${by !== undefined ? ` by ${formatAdrId(Number(by))}` : ''}; supersede that one instead.`);
    }
  }

  const template = loadTemplate(tree, options.template ?? 'minimal');
  // MADR 4's people lists are always present; a team template's values stand unless an option is given.
  const people = (key: string, value: string | string[] | undefined) =>
    value !== undefined || !Array.isArray(template.frontMatter[key]) ? splitList(value) : (template.frontMatter[key] as string[]);
  const frontMatter: AdrFrontMatter = {
    ...template.frontMatter,
    status,
    date,
    'decision-makers': people('decision-makers', options.decisionMakers),
    consulted: people('consulted', options.consulted),
    informed: people('informed', options.informed),
  };
  const tags = splitList(options.tags);
  if (tags.length) frontMatter.tags = tags;
  if (superseded) frontMatter.supersedes = [superseded.number as number];
  if (options.discussion) frontMatter.discussion = options.discussion;

  let body = fillTemplate(template.body, title);
  if (superseded) {
    body = body.replace(/^(# .*\n)/m, `$1\nSupersedes [${superseded.id}: ${superseded.title ?? superseded.fileName}](${superseded.fileName}).\n`);
  }

  const written = writeNewAdr(tree, dir, { title, frontMatter, body });
  if (superseded) markSuperseded(tree, superseded, { number: written.number, title, path: written.path });
  regenerateDecisionLog(tree, dir);
  logger.info(`${written.id}: ${written.path} (${status})`);
}

export default adrGenerator;
