import { parseMadrWithFrontmatter } from '@backstage/plugin-adr-common';
import { parseAdr } from './parse';
import { renderAdrFile, updateFrontMatterInText } from './render';

describe('renderAdrFile', () => {
  const fm = {
    discussion: 'https://github.com/org/repo/discussions/4190',
    status: 'accepted',
    date: '2026-11-22',
    tags: ['observability'],
    'decision-makers': ['platform-team'],
    enforcement: { bannedImports: [{ name: 'winston', use: '@fx/logger' }], requiredTags: ['scope:*', 'type:*'] },
  };
  const text = renderAdrFile(fm, '# Use pino\n\n## Context and Problem Statement\n\nWhy.\n');

  it('puts front-matter on the first byte, keys in MADR order, short lists inline', () => {
    expect(text.split('\n').slice(0, 5)).toEqual(['---', 'status: accepted', 'date: 2026-11-22', 'decision-makers: [platform-team]', 'tags: [observability]']);
    expect(text).toContain('requiredTags: ["scope:*", "type:*"]');
  });

  it('round-trips through our parser and Backstage\'s', () => {
    const ours = parseAdr(text, 'docs/adr/0001-use-pino.md');
    expect(ours.diagnostics).toEqual([]);
    expect(ours.frontMatter).toEqual(fm);
    const theirs = parseMadrWithFrontmatter(text);
    expect(theirs).toMatchObject({ status: 'accepted', date: '2026-11-22' });
    expect(theirs.attributes.enforcement).toEqual(fm.enforcement);
  });
});

describe('updateFrontMatterInText', () => {
  it('changes only the keys asked for, keeping comments and the body byte for byte', () => {
    const before = '---\nstatus: accepted # since the review\ndate: 2020-01-01\n---\n# T\n\nBody *as is*  \n';
    const after = updateFrontMatterInText(before, { status: 'superseded', 'superseded-by': 4 });
    expect(after).toBe('---\nstatus: superseded # since the review\ndate: 2020-01-01\nsuperseded-by: 4\n---\n# T\n\nBody *as is*  \n');
  });
});
