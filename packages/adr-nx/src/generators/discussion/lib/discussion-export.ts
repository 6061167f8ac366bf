import matter from 'gray-matter';
import { AdrInputError } from '../../../adr';

/** What a proposed ADR needs from a discussion, whatever it was exported as. */
export interface Discussion {
  title: string;
  body: string;
  url: string | null;
  /** GitHub logins of the author and everyone who commented or replied, in order of appearance. */
  participants: string[];
  warnings: string[];
}

/** The fields `gh api graphql` must select, shown when an export lacks one. */
export const DISCUSSION_QUERY_HINT =
  'Export it with: gh api graphql -f query=\'query { repository(owner: "ORG", name: "REPO") { discussion(number: N) { title body url author { login } comments(first: 100) { nodes { author { login } body replies(first: 100) { nodes { author { login } } } } } } } }\' > discussion.json';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function lineColumn(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return `:${line}:${Number(m[1]) - before.lastIndexOf('\n')}`;
}

/**
 * Reads `gh api graphql` output (`{ data: { repository: { discussion: {...} } } }`) or the bare
 * discussion object. Every shape problem names the field that is missing or wrong.
 */
export function readDiscussionJson(text: string, file: string): Discussion {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    throw new AdrInputError(`${file}${lineColumn(text, message)}: not valid JSON (${message}). ${DISCUSSION_QUERY_HINT}`);
  }
  const fail = (field: string, problem: string) => new AdrInputError(`${file}: ${field} ${problem}. ${DISCUSSION_QUERY_HINT}`);
  if (!isObject(json)) throw fail('the top level', 'is not a JSON object');
  if (Array.isArray(json.errors) && json.errors.length) {
    const messages = json.errors.map((e) => (isObject(e) ? String(e.message) : String(e))).join('; ');
    throw new AdrInputError(`${file}: the export holds GraphQL errors instead of a discussion: ${messages}`);
  }

  let d: Json = json;
  let at = '';
  if ('data' in json) {
    const data = json.data;
    if (!isObject(data)) throw fail('data', 'is not an object');
    if (!isObject(data.repository)) throw fail('data.repository', 'is missing');
    if (!isObject(data.repository.discussion)) throw fail('data.repository.discussion', 'is missing (is the discussion number right?)');
    d = data.repository.discussion;
    at = 'data.repository.discussion.';
  }
  const warnings: string[] = [];
  const str = (key: string) => {
    const v = d[key];
    if (v === undefined || v === null) throw fail(`${at}${key}`, 'is missing');
    if (typeof v !== 'string') throw fail(`${at}${key}`, `is not a string (it is ${JSON.stringify(v).slice(0, 40)})`);
    return v;
  };
  const title = str('title').trim();
  if (!title) throw fail(`${at}title`, 'is empty');
  const body = str('body');
  const url = str('url');
  if (!/^https?:\/\/\S+$/.test(url)) throw fail(`${at}url`, `is not an http(s) URL ("${url}")`);

  const participants: string[] = [];
  const add = (author: unknown, field: string) => {
    if (author === null) return; // a deleted account ("ghost")
    if (!isObject(author) || typeof author.login !== 'string') throw fail(field, 'has no login');
    if (!participants.includes(author.login)) participants.push(author.login);
  };
  if (d.author !== undefined) add(d.author, `${at}author`);
  if (d.comments === undefined) warnings.push(`${at}comments is not in the export: only the author is listed as consulted`);
  else {
    if (!isObject(d.comments) || !Array.isArray(d.comments.nodes)) throw fail(`${at}comments.nodes`, 'is missing (select comments { nodes { author { login } body } })');
    d.comments.nodes.forEach((comment, i) => {
      const field = `${at}comments.nodes[${i}]`;
      if (!isObject(comment)) throw fail(field, 'is not an object');
      if (comment.author === undefined) throw fail(`${field}.author`, 'is missing');
      add(comment.author, `${field}.author`);
      if (isObject(comment.replies) && Array.isArray(comment.replies.nodes)) {
        comment.replies.nodes.forEach((reply, j) => isObject(reply) && add(reply.author, `${field}.replies.nodes[${j}].author`));
      }
    });
  }
  return { title, body, url, participants, warnings };
}

/**
 * A discussion saved as markdown: the title from front-matter `title:` or the first `# H1`
 * (taken out of the body); `url:` (or `discussion:`), `author:` and `participants:` optional.
 */
export function readDiscussionMarkdown(text: string, file: string, titleOption?: string): Discussion {
  const parsed = matter(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
  const fm = parsed.data as Json;
  let body = parsed.content;
  let title = titleOption?.trim() || (typeof fm.title === 'string' ? fm.title.trim() : '');
  const h1 = /^ {0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  if (h1) {
    if (!title) title = h1[1].trim();
    body = body.slice(0, h1.index) + body.slice(h1.index + h1[0].length);
  }
  if (!title) throw new AdrInputError(`${file}:1: no title. Start the file with "# <the question or decision>", or pass --title.`);
  const url = typeof fm.url === 'string' ? fm.url : typeof fm.discussion === 'string' ? fm.discussion : null;
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) throw new AdrInputError(`${file}: url "${url}" is not an http(s) URL.`);
  const people = [fm.author, ...(Array.isArray(fm.participants) ? fm.participants : typeof fm.participants === 'string' ? fm.participants.split(',') : [])];
  const participants = [...new Set(people.filter((p): p is string => typeof p === 'string').map((p) => p.trim().replace(/^@/, '')).filter(Boolean))];
  return { title, body: body.replace(/^\s*\n/, ''), url, participants, warnings: url ? [] : [`${file} has no url: the ADR gets no discussion link`] };
}
