import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { outlineWithRemark } from './markdown';
import { scanOutline } from './markdown-scan';
import { MINIMAL_TEMPLATE, FULL_TEMPLATE, META_ADR_BODY } from './templates';

const corpus = join(__dirname, '../../../../..', 'shared', 'corpus');
const corpusBodies = readdirSync(corpus)
  .filter((f) => statSync(join(corpus, f)).isDirectory())
  .flatMap((folder) => readdirSync(join(corpus, folder)).map((name) => [`${folder}/${name}`, matter(readFileSync(join(corpus, folder, name), 'utf8')).content] as const));

/** When the scanner answers, its answer must be remark's. */
function expectSameAsRemark(body: string) {
  const scanned = scanOutline(body, 3);
  if (scanned) expect(scanned).toEqual(outlineWithRemark(body, 3));
  return scanned;
}

describe('scanOutline (the fast path of outlineMarkdown)', () => {
  it.each(corpusBodies)('agrees with remark on %s', (_name, body) => {
    expectSameAsRemark(body);
  });

  it('reads most of the real ADRs itself (else it would not be faster)', () => {
    const scanned = corpusBodies.filter(([, body]) => scanOutline(body) !== null).length;
    expect(scanned / corpusBodies.length).toBeGreaterThan(0.5);
  });

  it.each([
    ['templates', MINIMAL_TEMPLATE + FULL_TEMPLATE + META_ADR_BODY],
    ['headings', '# Title\n\n## A  ##\n### B #\n#### #\n#no heading\n####### seven\n  # indented two\n'],
    ['links', 'See [ADR-0002](0002-x.md), [anchor](#x), [web](https://x.dev/a.md) and ![img](d.png).\n[t](a.md "title") [e]() [p](./x/y.md#z)\n'],
    ['definitions', '# T\n\n[one]: 0001-a.md\n[two]: ../b.md "t"\n\ntext [one] and [two].\n'],
    ['fences', '# T\n\n```md\n# not a heading\n[not](a.md)\n```\n\n~~~~\n```\n# still code\n~~~~\n## After\n'],
    ['superseded note', '# Old\n\n> Superseded by [ADR-0002: New](0002-new.md).\n'],
    ['lists', '* one [a](a.md)\n* two\n  * nested [b](b.md)\n1. three [c](c.md)\n'],
  ])('matches remark exactly on %s', (_name, body) => {
    expect(expectSameAsRemark(body)).not.toBeNull();
  });

  it.each([
    ['setext heading', 'Title\n=====\n'],
    ['setext h2', 'Title\n---\n'],
    ['html block', '<details>\n\n# x\n</details>\n'],
    ['indented code with a link', 'para\n\n    [a](b.md)\n'],
    ['heading in a quote', '> # Quoted\n'],
    ['code span next to a link', 'use `[a](b)` and [c](d.md)\n'],
    ['escaped bracket', 'x \\[a](b.md)\n'],
    ['nested brackets', '[a [b] c](d.md)\n'],
    ['badge', '[![b](x.png)](y.md)\n'],
    ['multi-line link text', '[a\nb](c.md)\n'],
    ['angle destination', '[a](<b c.md>)\n'],
    ['parentheses in destination', '[a](b(c).md)\n'],
    ['definition interrupting a paragraph', 'text\n[a]: b.md\n'],
    ['footnote', '[^1]: a note\n'],
    ['markup in a heading', '# Use `pnpm`\n'],
    ['fence in a list', '- item\n  ```\n  # x\n  ```\n'],
  ])('leaves %s to remark (or agrees with it)', (_name, body) => {
    expectSameAsRemark(body);
  });

  it('hands tricky input to remark rather than guessing', () => {
    expect(scanOutline('Title\n=====\n')).toBeNull();
    expect(scanOutline('[a [b] c](d.md)\n')).toBeNull();
    expect(scanOutline('# Use `pnpm`\n')).toBeNull();
  });
});
