import { madrFilePathFilter, parseMadrWithFrontmatter } from '@backstage/plugin-adr-common';
import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { ADR_STATUSES, isAdrCandidate, parseAdr, readAdrsInTree, treeSource } from '../../adr';
import { checkDocuments } from '../../adr-check/documents/check-documents';
import { importGenerator } from './generator';

const repoRoot = join(__dirname, '..', '..', '..', '..', '..');
const corpus = join(repoRoot, '..', 'shared', 'corpus');
const corpusFolders = readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

function adrFiles(tree: Tree, dir = 'docs/adr'): string[] {
  return tree.children(dir).filter((n) => /^\d{4}-.*\.md$/.test(n)).map((n) => `${dir}/${n}`);
}

/** Everything a written ADR must satisfy: the model's checks, Backstage's filter and parser, links that resolve. */
function expectCanonical(tree: Tree, path: string): void {
  const text = tree.read(path, 'utf-8') as string;
  const doc = parseAdr(text, path);
  expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(madrFilePathFilter(path)).toBe(true);
  expect(posix.basename(path)).toMatch(/^\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
  const backstage = parseMadrWithFrontmatter(text);
  expect(ADR_STATUSES).toContain(backstage.status);
  expect(backstage.date).toBe(doc.date);
  expect(doc.headings.filter((h) => h.depth === 1)).toHaveLength(1);
  expect(backstage.content).toContain(`# ${doc.title}\n`);
  for (const link of doc.links.filter((l) => /^(\.\/)?\d{4}-[^/]*\.md(#.*)?$/.test(l.url))) {
    expect(tree.exists(posix.join(posix.dirname(path), link.url.replace(/#.*$/, '')))).toBe(true);
  }
}

describe('import generator', () => {
  let tree: Tree;
  let info: jest.SpyInstance;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());
  const report = () => info.mock.calls.map((c) => String(c[0])).join('\n');

  describe.each(corpusFolders)('corpus folder %s', (folder) => {
    it('imports every decision into files that pass the ADR checks and Backstage\'s parser', async () => {
      const source = join(corpus, folder);
      await importGenerator(tree, { source });
      const decisions = readdirSync(source).filter(isAdrCandidate);
      const written = adrFiles(tree);
      expect(written).toHaveLength(decisions.length);
      for (const path of written) expectCanonical(tree, path);
      // adr-check's own document checks: schema, names, numbers, supersession, links, dates, decision log.
      const checked = checkDocuments(treeSource(tree), 'docs/adr');
      expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(checked.adrs).toHaveLength(decisions.length);
      // supersedes / superseded-by point at each other.
      const adrs = readAdrsInTree(tree, 'docs/adr');
      for (const adr of adrs) {
        const by = adr.frontMatter['superseded-by'];
        if (by !== undefined) {
          expect(adr.status).toBe('superseded');
          expect(adrs.find((a) => a.number === by)?.frontMatter.supersedes).toContain(adr.number);
        }
        for (const old of adr.frontMatter.supersedes ?? []) expect(adrs.find((a) => a.number === old)?.frontMatter['superseded-by']).toBe(adr.number);
      }
      const log = tree.read('docs/adr/README.md', 'utf-8') as string;
      for (const path of written) expect(log).toContain(`](${posix.basename(path)}) |`);
      expect(report()).toContain(`Import ${decisions.length} ADR(s)`);
    });
  });

  it('adr-tools: numbers and dates kept, "# N." dropped from titles, Amended-by prose kept, links still resolve', async () => {
    await importGenerator(tree, { source: join(corpus, 'npryce__adr-tools') });
    const text = tree.read('docs/adr/0005-help-comments.md', 'utf-8') as string;
    expect(text.startsWith('---\nstatus: accepted\ndate: 2016-02-13\n')).toBe(true);
    expect(text).toContain('\n# Help comments\n');
    expect(text).toContain('Amended by [9. Help scripts](0009-help-scripts.md)');
    expect(text).not.toMatch(/^Date:/m);
  });

  it('govuk-aws: free-text statuses mapped with their wording kept, supersession linked both ways, gap 0034 kept', async () => {
    await importGenerator(tree, { source: join(corpus, 'alphagov__govuk-aws') });
    const fm = (n: string) => parseAdr(tree.read(`docs/adr/${n}`, 'utf-8') as string, n).frontMatter;
    expect(fm('0002-hosting-platforms.md')).toMatchObject({ status: 'accepted', date: '2017-06-30' });
    expect(tree.read('docs/adr/0002-hosting-platforms.md', 'utf-8')).toContain('\n# Hosting Platforms\n');
    expect(fm('0003-aws-networking-outline.md')).toMatchObject({ status: 'accepted', 'original-status': 'Partly superseded' });
    expect(fm('0004-dns-definitions-for-hosts-and-services.md')).toMatchObject({ status: 'superseded', 'superseded-by': 15 });
    expect(fm('0015-dns-infrastructure.md').supersedes).toEqual([4]);
    expect(fm('0006-puppet-architecture.md')).toMatchObject({ status: 'proposed', 'original-status': 'Pending' });
    expect(fm('0036-performance-platform-and-backdrop-architecture.md')).toMatchObject({ status: 'proposed' });
    expect(fm('0036-performance-platform-and-backdrop-architecture.md')['original-status']).toBeUndefined();
    expect(fm('0038-mongo-replacement-by-documentdb.md')).toMatchObject({ status: 'accepted', 'original-status': 'Approved' });
    expect(tree.children('docs/adr').some((n) => n.startsWith('0034-'))).toBe(false);
    expect(report()).toContain('links to ./0036-performance-platform-and-backdrop-architecture-img01.png, which is not in the source folder');
  });

  it('MADR 4: site keys kept, "on hold" kept as original-status, files without a date dated and reported', async () => {
    await importGenerator(tree, { source: join(corpus, 'adr__madr') });
    const text = tree.read('docs/adr/0003-provide-own-madr-tools.md', 'utf-8') as string;
    expect(parseAdr(text, 'x').frontMatter).toMatchObject({ status: 'proposed', 'original-status': 'on hold', parent: 'Decisions', nav_order: 3 });
    expect(tree.exists('docs/adr/0001-use-cc0-or-mit-as-license.md')).toBe(true);
    expect(tree.read('docs/adr/0009-support-links-between-adrs-inside-an-adrs.md', 'utf-8')).toContain('[ADR-0008](0008-add-status-field.md)');
    expect(report()).toMatch(/0005-use-dashes-in-filenames\.md:1: no date: dated \d{4}-\d{2}-\d{2}/);
    expect(report()).toContain('Skipped: adr-template.md (template (not a decision)), index.md (index (not a decision))');
  });

  it('log4brains: date-named files numbered in date order, links rewritten to the new names, supersession linked', async () => {
    await importGenerator(tree, { source: join(corpus, 'thomvaill__log4brains') });
    expect(adrFiles(tree).map((p) => posix.basename(p))).toEqual([
      '0001-use-markdown-architectural-decision-records.md',
      '0002-multi-packages-architecture-in-a-monorepo-with-yarn-and-lerna.md',
      '0003-use-prettier-eslint-airbnb-for-the-code-style.md',
      '0004-use-the-adr-number-as-its-unique-id.md',
      '0005-avoid-default-exports.md',
      '0006-use-the-adr-slug-as-its-unique-id.md',
      '0007-the-core-api-is-responsible-for-enhancing-the-adr-markdown-body-with-mdx.md',
      '0008-use-lunr-for-search.md',
      '0009-distribute-log4brains-as-a-global-npm-package.md',
    ]);
    const slugAdr = tree.read('docs/adr/0006-use-the-adr-slug-as-its-unique-id.md', 'utf-8') as string;
    expect(slugAdr).toContain('[an ADR number must be unique](0004-use-the-adr-number-as-its-unique-id.md)');
    expect(slugAdr).not.toContain('20200926-use-the-adr-number-as-its-unique-id.md)');
    expect(parseAdr(slugAdr, 'x').frontMatter).toMatchObject({ status: 'accepted', date: '2020-10-16', supersedes: [4] });
  });

  describe('numbering when the ADR folder has ADRs already', () => {
    beforeEach(() => {
      tree.write('docs/adr/0000-record-architecture-decisions.md', '---\nstatus: accepted\ndate: 2026-01-01\n---\n# Record architecture decisions\n');
      tree.write('docs/adr/0001-use-nx.md', '---\nstatus: accepted\ndate: 2026-01-02\n---\n# Use Nx\n');
    });

    it('auto appends after the highest when a source number is taken, renumbering links and their labels', async () => {
      await importGenerator(tree, { source: join(corpus, 'npryce__adr-tools') });
      expect(tree.read('docs/adr/0001-use-nx.md', 'utf-8')).toContain('# Use Nx');
      expect(tree.exists('docs/adr/0002-record-architecture-decisions.md')).toBe(true);
      const help = tree.read('docs/adr/0006-help-comments.md', 'utf-8') as string;
      expect(help).toContain('Amended by [10. Help scripts](0010-help-scripts.md)');
      expect(report()).toContain('ADR-0006 (was ADR-0005) 0006-help-comments.md');
    });

    it('keep refuses numbers that are taken, naming both files, and writes nothing', async () => {
      const before = tree.listChanges().length;
      await expect(importGenerator(tree, { source: join(corpus, 'npryce__adr-tools'), numbering: 'keep' })).rejects.toThrow(
        /nothing was written:[\s\S]*0001-record-architecture-decisions\.md:1: ADR-0001 is taken in docs\/adr by 0001-use-nx\.md/,
      );
      expect(tree.listChanges().length).toBe(before);
    });
  });

  describe('bad input', () => {
    const write = (files: Record<string, string>) => {
      for (const [name, text] of Object.entries(files)) tree.write(`old/${name}`, text);
    };

    it('a folder with no ADRs', async () => {
      write({ 'README.md': '# Decisions\n', 'template.md': '# {title}\n' });
      await expect(importGenerator(tree, { source: 'old' })).rejects.toThrow(/no ADRs to import: the folder has only README\.md, template\.md[\s\S]*Point --source at the folder/);
      await expect(importGenerator(tree, { source: 'nowhere' })).rejects.toThrow('--source=nowhere: no such folder');
    });

    it('two files with the same number', async () => {
      write({ '0002-a.md': '# 2. A\n\n## Status\n\nAccepted\n', '0002-b.md': '# 2. B\n\n## Status\n\nAccepted\n' });
      await expect(importGenerator(tree, { source: 'old' })).rejects.toThrow(/old\/0002-b\.md:1: 0002-a\.md has the same number \(ADR-0002\)[\s\S]*--numbering=append/);
      expect(tree.exists('docs/adr')).toBe(false);
      await importGenerator(tree, { source: 'old', numbering: 'append' });
      expect(adrFiles(tree)).toEqual(['docs/adr/0001-a.md', 'docs/adr/0002-b.md']);
    });

    it('a file with no title', async () => {
      write({ '0001-a.md': 'Date: 2020-01-01\n\n## Status\n\nAccepted\n' });
      await expect(importGenerator(tree, { source: 'old' })).rejects.toThrow(/old\/0001-a\.md:1: no "# Title" heading[\s\S]*Add a line "# <the decision>"/);
    });

    it('an unknown format is kept verbatim as proposed, and reported', async () => {
      const text = '# Team notes on caching\n\nWe talked about Redis.\n';
      write({ '0001-notes.md': text, '0002-b.md': '# 2. B\n\n## Status\n\nAccepted\n' });
      await importGenerator(tree, { source: 'old' });
      const doc = parseAdr(tree.read('docs/adr/0001-notes.md', 'utf-8') as string, 'docs/adr/0001-notes.md');
      expect(doc.status).toBe('proposed');
      expect(doc.body).toBe(text);
      expect(report()).toContain('old/0001-notes.md:1: format not recognised');
    });

    it('an unmapped status is imported as proposed with its wording kept', async () => {
      write({ '0001-a.md': '# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nUnder discussion with legal\n' });
      await importGenerator(tree, { source: 'old' });
      expect(parseAdr(tree.read('docs/adr/0001-a.md', 'utf-8') as string, 'x').frontMatter).toMatchObject({ status: 'proposed', 'original-status': 'Under discussion with legal' });
      expect(report()).toContain('status "Under discussion with legal" is not one the importer knows');
    });

    it('the ADR folder itself as source: refused with the way to do it', async () => {
      write({ '0001-a.md': '# 1. A\n' });
      await expect(importGenerator(tree, { source: 'old', directory: 'old' })).rejects.toThrow('git mv old old-old');
    });

    it('never overwrites: an existing file at a target name stops the import', async () => {
      write({ '0003-c.md': '# 3. C\n\n## Status\n\nAccepted\n' });
      tree.write('docs/adr/0003-c.md', 'mine');
      await expect(importGenerator(tree, { source: 'old', numbering: 'keep' })).rejects.toThrow('ADR-0003 is taken in docs/adr by 0003-c.md');
      expect(tree.read('docs/adr/0003-c.md', 'utf-8')).toBe('mine');
    });
  });

  it('inside the workspace: images beside the ADRs are copied, links out of the folder re-pointed from the new one', async () => {
    tree.write('legacy/decisions/0001-a.md', '# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n![diagram](./img/a.png) See [the plan](../../terraform/main.tf) and [B](0002-b.md#why).\n');
    tree.write('legacy/decisions/0002-b.md', '# 2. B\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n');
    tree.write('legacy/decisions/img/a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
    tree.write('terraform/main.tf', 'x');
    await importGenerator(tree, { source: 'legacy/decisions' });
    const text = tree.read('docs/adr/0001-a.md', 'utf-8') as string;
    expect(text).toContain('![diagram](./img/a.png) See [the plan](../../terraform/main.tf) and [B](0002-b.md#why).');
    expect(tree.read('docs/adr/img/a.png')?.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]))).toBe(true);
    expect(tree.read('legacy/decisions/0001-a.md', 'utf-8')).toContain('# 1. A');
  });

  it('dates an undated ADR by the commit that added it, in a real git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adr-import-git-'));
    try {
      writeFileSync(join(dir, '0001-use-x.md'), '---\nstatus: accepted\n---\n# Use X\n');
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_DATE: '2019-04-05T12:00:00Z', GIT_COMMITTER_DATE: '2019-04-05T12:00:00Z' } });
      git('init', '-q');
      git('add', '-A');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'add');
      await importGenerator(tree, { source: dir });
      expect(parseAdr(tree.read('docs/adr/0001-use-x.md', 'utf-8') as string, 'x').date).toBe('2019-04-05');
      expect(report()).toContain('dated 2019-04-05, when git first recorded the file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
