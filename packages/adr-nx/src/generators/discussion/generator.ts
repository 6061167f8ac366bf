import { logger, readNxJson, type Tree } from '@nx/devkit';
import { AdrInputError, isRealDate, regenerateDecisionLog, slugify, writeNewAdr, type AdrFrontMatter } from '../../adr';
import { adrDirectoryFrom, normalizeAdrDirectory } from '../../plugin-options';
import { splitList, today } from '../adr/generator';
import { readDiscussionJson, readDiscussionMarkdown, type Discussion } from './lib/discussion-export';
import { proposalBody } from './lib/proposal-body';
import { readInputFile } from './lib/read-input';
import type { DiscussionGeneratorSchema } from './schema';

function readDiscussion(tree: Tree, options: DiscussionGeneratorSchema): Discussion {
  const from = String(options.from ?? '').trim();
  if (!from) throw new AdrInputError('--from is empty. Give the exported discussion: a JSON file from gh api graphql, or a markdown file.');
  const text = readInputFile(tree, from, 'from');
  // JSON by name or by content (gh writes to stdout, people save it under any name).
  if (/\.json$/i.test(from) || /^\s*[{[]/.test(text)) return readDiscussionJson(text, from);
  return readDiscussionMarkdown(text, from, options.title);
}

/** `nx g @fx/adr-nx:discussion --from=d.json`: a proposed ADR from a discussion, ready for its PR. */
export async function discussionGenerator(tree: Tree, options: DiscussionGeneratorSchema) {
  const discussion = readDiscussion(tree, options);
  const title = (options.title?.trim() || discussion.title).replace(/\s+/g, ' ');
  if (!slugify(title)) throw new AdrInputError(`The title "${title}" has no letters or digits to name the file with. Pass --title="<the decision>".`);
  const date = options.date ?? today();
  if (!isRealDate(date)) throw new AdrInputError(`--date=${date} is not a real date written YYYY-MM-DD (e.g. 2026-11-22).`);

  const dir = normalizeAdrDirectory(options.directory ?? adrDirectoryFrom(readNxJson(tree)));
  const frontMatter: AdrFrontMatter = {
    status: 'proposed',
    date,
    'decision-makers': splitList(options.decisionMakers),
    consulted: discussion.participants.map((p) => `@${p}`),
    informed: [],
  };
  const tags = splitList(options.tags);
  if (tags.length) frontMatter.tags = tags;
  if (discussion.url) frontMatter.discussion = discussion.url;

  const written = writeNewAdr(tree, dir, { title, frontMatter, body: proposalBody(discussion, title) });
  regenerateDecisionLog(tree, dir);
  for (const warning of discussion.warnings) logger.warn(warning);
  logger.info(`${written.id}: ${written.path} (proposed, ${discussion.participants.length} consulted). Open a PR with it; reviewers see adr-check's "if accepted" preview.`);
}

export default discussionGenerator;
