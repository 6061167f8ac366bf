import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { parseAdr, splitFrontMatter } from './parse';

// parseAdr reads most front-matter with js-yaml (fast) and the rest with `yaml`: both must give
// what `yaml` (the YAML 1.2 reader the model writes with) gives.
const corpus = join(__dirname, '../../../../..', 'shared', 'corpus');
const corpusFiles = readdirSync(corpus)
  .filter((f) => statSync(join(corpus, f)).isDirectory())
  .flatMap((folder) => readdirSync(join(corpus, folder)).map((name) => [`${folder}/${name}`, readFileSync(join(corpus, folder, name), 'utf8')] as const))
  .filter(([, text]) => text.startsWith('---\n'));

const frontMatterOf = (text: string) => text.slice(4, text.indexOf('\n---', 4) + 1);

describe('front-matter values are those of the YAML 1.2 reader', () => {
  it.each(corpusFiles)('%s', (path, text) => {
    expect(parseAdr(text, path).frontMatter).toEqual(parse(frontMatterOf(text)) ?? {});
  });

  it.each([...corpusFiles, ['edge cases', '---\na: 1\n----\nb: 2\n---\r\n\nbody\n'] as const, ['empty block', '---\n---\n# T\n'] as const])('splits %s exactly as gray-matter does', (_path, text) => {
    (matter as unknown as { clearCache(): void }).clearCache();
    const parsed = matter(text, { engines: { yaml: () => ({}) } } as never);
    expect(splitFrontMatter(text)).toEqual({ matter: parsed.matter, content: parsed.content });
  });

  it.each([
    ['padded ADR numbers', 'superseded-by: 0012\nsupersedes: [007, 0010]\n', { 'superseded-by': 12, supersedes: [7, 10] }],
    ['dates stay strings', 'date: 2026-01-15\n', { date: '2026-01-15' }],
    ['YAML 1.1 booleans are strings', 'flag: yes\nother: off\n', { flag: 'yes', other: 'off' }],
    ['sexagesimal is a string', 'time: 12:30\n', { time: '12:30' }],
    ['underscores are not digits', 'n: 1_000\n', { n: '1_000' }],
    ['anchors and aliases', 'a: &x [1, 2]\nb: *x\n', { a: [1, 2], b: [1, 2] }],
    ['globs and scoped names', 'enforcement:\n  requiredTags: [scope:*, "type:*"]\n  bannedImports:\n    - name: "@aws-sdk/*"\n', { enforcement: { requiredTags: ['scope:*', 'type:*'], bannedImports: [{ name: '@aws-sdk/*' }] } }],
    ['empty', '', {}],
  ])('%s', (_name, yaml, expected) => {
    const doc = parseAdr(`---\nstatus: accepted\n${yaml}---\n# T\n`, 'docs/adr/0001-t.md');
    expect(doc.frontMatter).toEqual({ status: 'accepted', ...expected });
    expect(parse(`status: accepted\n${yaml}`)).toEqual({ status: 'accepted', ...expected });
  });

  it('keeps the exact YAML error and its position', () => {
    const doc = parseAdr('---\nstatus: accepted\ndate: [2026\n---\n# T\n', 'docs/adr/0001-t.md');
    expect(doc.diagnostics[0]).toMatchObject({ line: 3, code: 'front-matter/yaml' });
  });

  it('still places schema errors exactly when read the fast way', () => {
    const doc = parseAdr('---\nstatus: accepted\ndate: 2026-01-15\nenforcement:\n  requiredTags: [1]\n  bogus: x\n---\n# T\n', 'docs/adr/0001-t.md');
    expect(doc.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['6:3 unknown key "bogus" in enforcement', '5:18 enforcement.requiredTags.0 must be string']);
  });
});
