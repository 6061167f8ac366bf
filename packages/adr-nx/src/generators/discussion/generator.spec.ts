import { parseMadrWithFrontmatter } from '@backstage/plugin-adr-common';
import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parseAdr } from '../../adr';
import { discussionGenerator } from './generator';

// The shape `gh api graphql` prints for a discussion query (trimmed to what the generator reads, plus extras it ignores).
const discussion = {
  title: 'Which logging library should services use?',
  body: 'We use winston, bunyan and console.log.\r\n\r\n# Requirements\r\n\r\n* JSON output\r\n* Cheap when disabled\r\n\r\n```js\r\n# not a heading\r\n```',
  url: 'https://github.com/acme/platform/discussions/4190',
  number: 4190,
  author: { login: 'alice' },
  comments: {
    totalCount: 3,
    nodes: [
      { author: { login: 'bob' }, body: 'pino is fastest.', replies: { nodes: [{ author: { login: 'carol' }, body: '+1' }] } },
      { author: { login: 'alice' }, body: 'Agreed.' },
      { author: null, body: 'Comment from a deleted account' },
    ],
  },
};
const ghOutput = { data: { repository: { discussion } } };

describe('discussion generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const run = async (file: string, content: string, extra: Record<string, string> = {}) => {
    tree.write(file, content);
    await discussionGenerator(tree, { from: file, date: '2026-11-22', ...extra });
  };
  const written = (name = 'docs/adr/0001-which-logging-library-should-services-use.md') => tree.read(name, 'utf-8') as string;

  it('writes a proposed ADR: title, opening post as context, participants as consulted, URL in discussion:', async () => {
    await run('discussion.json', JSON.stringify(ghOutput, null, 2), { tags: 'logging', decisionMakers: 'platform-team' });
    const text = written();
    const doc = parseAdr(text, 'docs/adr/0001-which-logging-library-should-services-use.md');
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.frontMatter).toEqual({
      status: 'proposed',
      date: '2026-11-22',
      'decision-makers': ['platform-team'],
      consulted: ['@alice', '@bob', '@carol'],
      informed: [],
      tags: ['logging'],
      discussion: 'https://github.com/acme/platform/discussions/4190',
    });
    expect(doc.title).toBe('Which logging library should services use?');
    expect(doc.body).toContain('## Context and Problem Statement\n\nWe use winston, bunyan and console.log.\n\n### Requirements\n\n* JSON output');
    expect(doc.body).toContain('```js\n# not a heading\n```');
    expect(doc.body).toContain('Discussed in https://github.com/acme/platform/discussions/4190 by @alice, @bob, @carol.\n\n## Considered Options');
    expect(parseMadrWithFrontmatter(text)).toMatchObject({ status: 'proposed', date: '2026-11-22' });
    expect(tree.read('docs/adr/README.md', 'utf-8')).toContain('| Which logging library should services use? | proposed |');
  });

  it('accepts the bare discussion object, and --title overrides the discussion title', async () => {
    await run('d.json', JSON.stringify(discussion), { title: 'Log with pino' });
    expect(parseAdr(written('docs/adr/0001-log-with-pino.md'), 'x').frontMatter.consulted).toEqual(['@alice', '@bob', '@carol']);
  });

  it('reads a markdown file: title from the H1, url and participants from front-matter', async () => {
    await run('notes/caching.md', '---\nurl: https://github.com/acme/platform/discussions/7\nauthor: dana\nparticipants: [erin, "@dana"]\n---\n# Cache with Redis?\n\nOur p99 is too high.\n');
    const doc = parseAdr(written('docs/adr/0001-cache-with-redis.md'), 'x');
    expect(doc.frontMatter).toMatchObject({ status: 'proposed', consulted: ['@dana', '@erin'], discussion: 'https://github.com/acme/platform/discussions/7' });
    expect(doc.body).toMatch(/^# Cache with Redis\?\n\n## Context and Problem Statement\n\nOur p99 is too high\./);
  });

  describe('bad input names what is missing, and writes nothing', () => {
    const rejects = async (content: string, message: string | RegExp) => {
      tree.write('bad.json', content);
      await expect(discussionGenerator(tree, { from: 'bad.json' })).rejects.toThrow(message);
      expect(tree.exists('docs/adr')).toBe(false);
    };

    it('a missing field', async () => {
      await rejects(JSON.stringify({ data: { repository: { discussion: { ...discussion, title: undefined } } } }), 'bad.json: data.repository.discussion.title is missing');
      await rejects(JSON.stringify({ ...discussion, url: undefined }), 'bad.json: url is missing');
      await rejects(JSON.stringify({ data: { repository: { discussion: null } } }), 'data.repository.discussion is missing (is the discussion number right?)');
      await rejects(JSON.stringify({ ...discussion, comments: { totalCount: 3 } }), 'bad.json: comments.nodes is missing');
      await rejects(JSON.stringify({ ...discussion, comments: { nodes: [{ body: 'x' }] } }), 'bad.json: comments.nodes[0].author is missing');
    });

    it('a wrong type, GraphQL errors, broken JSON', async () => {
      await rejects(JSON.stringify({ ...discussion, body: 42 }), 'bad.json: body is not a string');
      await rejects(JSON.stringify({ ...discussion, url: 'github.com/x' }), 'bad.json: url is not an http(s) URL');
      await rejects(JSON.stringify({ errors: [{ message: "Could not resolve to a Repository with the name 'acme/nope'." }] }), "the export holds GraphQL errors instead of a discussion: Could not resolve to a Repository with the name 'acme/nope'.");
      await rejects('{\n  "title": "x",\n  oops\n}', /bad\.json:3:3: not valid JSON/);
      await rejects('[1, 2]', 'bad.json: the top level is not a JSON object');
    });

    it('a markdown file without a title, a file that does not exist', async () => {
      tree.write('notes.md', 'Just text.\n');
      await expect(discussionGenerator(tree, { from: 'notes.md' })).rejects.toThrow('notes.md:1: no title. Start the file with "# <the question or decision>", or pass --title.');
      await expect(discussionGenerator(tree, { from: 'nope.json' })).rejects.toThrow('--from=nope.json: no such file');
    });
  });
});
