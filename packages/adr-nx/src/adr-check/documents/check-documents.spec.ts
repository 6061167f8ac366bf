import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { applyDecisionLog } from '../../adr/decision-log';
import { treeSource } from '../../adr/file-source';
import { readAdrDirectory } from '../../adr/directory';
import { checkDocuments } from './check-documents';
import type { Finding } from '../findings';

const TODAY = '2026-06-01';

function adr(status: string, title: string, extra = '', body = '') {
  return `---\nstatus: ${status}\ndate: 2026-01-15\n${extra}---\n# ${title}\n\n${body}`;
}

/** A tree with the given ADRs and an up-to-date decision log. */
function workspace(files: Record<string, string>, withLog = true): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const [name, text] of Object.entries(files)) tree.write(`docs/adr/${name}`, text);
  if (withLog) tree.write('docs/adr/README.md', applyDecisionLog(null, readAdrDirectory(treeSource(tree), 'docs/adr').adrs));
  return tree;
}

const check = (tree: Tree) => checkDocuments(treeSource(tree), 'docs/adr', { today: TODAY }).findings;
const brief = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}`);

describe('checkDocuments', () => {
  it('passes a clean folder', () => {
    const tree = workspace({
      '0001-use-nx.md': adr('accepted', 'Use Nx', '', 'See [ADR-0002](0002-use-pnpm.md) and the [log](README.md#decision-log).\n'),
      '0002-use-pnpm.md': adr('proposed', 'Use pnpm'),
    });
    expect(check(tree)).toEqual([]);
  });

  it('reports a missing folder as one diagnostic', () => {
    const findings = checkDocuments(treeSource(createTreeWithEmptyWorkspace()), 'docs/adr').findings;
    expect(findings).toEqual([expect.objectContaining({ file: 'docs/adr', code: 'directory/missing', severity: 'error' })]);
  });

  it('passes the model\'s parse diagnostics through (schema with line and column)', () => {
    const tree = workspace({ '0001-x.md': '---\nstatus: done\ndate: 2026-01-15\n---\n# X\n' });
    expect(check(tree)).toEqual([expect.objectContaining({ file: 'docs/adr/0001-x.md', line: 2, column: 9, code: 'front-matter/schema', message: 'status must be one of: proposed, accepted, rejected, deprecated, superseded' })]);
  });

  it('file names: Backstage filter, lowercase, canonical form; suggestions number unnumbered files one after another', () => {
    const tree = workspace({
      '0001-Use-Nx.md': adr('accepted', 'Use Nx'),
      '0002-use_pnpm.md': adr('accepted', 'Use pnpm'),
      'use-yarn.md': adr('rejected', 'Use yarn'),
      '20200101-use-npm.md': adr('rejected', 'Use npm'),
    });
    const names = check(tree).filter((f) => f.code.startsWith('file-name/'));
    expect(names.map((f) => [f.file, f.severity, f.code])).toEqual([
      ['docs/adr/0001-Use-Nx.md', 'error', 'file-name/case'],
      ['docs/adr/0002-use_pnpm.md', 'warning', 'file-name/canonical'],
      ['docs/adr/20200101-use-npm.md', 'error', 'file-name/backstage'],
      ['docs/adr/use-yarn.md', 'error', 'file-name/backstage'],
    ]);
    expect(names[0].hint).toContain('git mv docs/adr/0001-Use-Nx.md docs/adr/0001-use-nx.md');
    expect(names[1].hint).toContain('docs/adr/0002-use-pnpm.md');
    expect(names[2].hint).toContain('docs/adr/0003-use-npm.md');
    expect(names[3].hint).toContain('docs/adr/0004-use-yarn.md');
  });

  it('duplicate numbers (two branches that both added 0042): an error on each file', () => {
    const tree = workspace({ '0042-use-kafka.md': adr('accepted', 'Use Kafka'), '0042-use-sqs.md': adr('accepted', 'Use SQS') });
    const dups = check(tree).filter((f) => f.code === 'number/duplicate');
    expect(dups.map((f) => f.file)).toEqual(['docs/adr/0042-use-kafka.md', 'docs/adr/0042-use-sqs.md']);
    expect(dups[0].message).toBe('ADR-0042 is used by 2 files: this one and 0042-use-sqs.md');
    expect(dups[0].hint).toContain('ADR-0043');
  });

  it('status superseded without superseded-by, and the reverse', () => {
    const tree = workspace({
      '0001-a.md': adr('superseded', 'A'),
      '0002-b.md': adr('accepted', 'B', 'superseded-by: 3\n'),
      '0003-c.md': adr('accepted', 'C', 'supersedes: [2]\n'),
    });
    expect(brief(check(tree))).toEqual([
      'docs/adr/0001-a.md:2:9 error supersession/missing-superseded-by',
      'docs/adr/0002-b.md:4:16 error supersession/status',
    ]);
  });

  it('supersedes / superseded-by that point nowhere, are not mutual (with a fix), or conflict', () => {
    const tree = workspace({
      '0001-a.md': adr('superseded', 'A', 'superseded-by: 9\n'),
      '0002-b.md': adr('accepted', 'B', 'supersedes: [3, 8]\n'),
      '0003-c.md': adr('accepted', 'C'),
      '0004-d.md': adr('superseded', 'D', 'superseded-by: 5\n'),
      '0005-e.md': adr('accepted', 'E'),
      '0006-f.md': adr('accepted', 'F', 'supersedes: [4]\n'),
    });
    const findings = check(tree).filter((f) => f.code.startsWith('supersession/'));
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.code} ${f.message}`)).toEqual([
      'docs/adr/0001-a.md:4:16 supersession/dangling superseded-by: 9 points at no ADR (there is no ADR-0009 in this folder)',
      'docs/adr/0003-c.md:2:9 supersession/not-mutual ADR-0002 supersedes ADR-0003, but ADR-0003 is not marked superseded (status: accepted, no superseded-by)',
      'docs/adr/0002-b.md:4:17 supersession/dangling supersedes: 8 points at no ADR (there is no ADR-0008 in this folder)',
      'docs/adr/0005-e.md:2:1 supersession/not-mutual ADR-0004 says it is superseded by ADR-0005, but ADR-0005\'s supersedes does not list 4',
      'docs/adr/0006-f.md:4:14 supersession/conflict ADR-0006 supersedes ADR-0004, but ADR-0004 says it is superseded by ADR-0005',
    ]);
    expect(findings[1].fix).toEqual({ kind: 'mark-superseded', path: 'docs/adr/0003-c.md', by: { number: 2, title: 'B', path: 'docs/adr/0002-b.md' } });
    expect(findings[3].fix).toEqual({ kind: 'add-supersedes', path: 'docs/adr/0005-e.md', number: 4 });
    expect(findings[4].fix).toBeUndefined();
  });

  it('supersession cycles are reported once, on the lowest ADR', () => {
    const tree = workspace({
      '0001-a.md': adr('superseded', 'A', 'supersedes: [2]\nsuperseded-by: 2\n'),
      '0002-b.md': adr('superseded', 'B', 'supersedes: [1]\nsuperseded-by: 1\n'),
      '0003-c.md': adr('superseded', 'C', 'supersedes: [3]\nsuperseded-by: 3\n'),
    });
    const cycles = check(tree).filter((f) => f.code === 'supersession/cycle');
    expect(cycles.map((f) => [f.file, f.message])).toEqual([
      ['docs/adr/0001-a.md', 'ADR-0001, ADR-0002 supersede each other in a circle'],
      ['docs/adr/0003-c.md', 'ADR-0003 supersedes itself'],
    ]);
    expect(check(tree).filter((f) => f.code !== 'supersession/cycle')).toEqual([]);
  });

  it('relative links to Markdown files that do not resolve, with the renamed target as a hint', () => {
    const tree = workspace({
      '0001-a.md': adr('accepted', 'A', '', 'See [B](0002-old-name.md#context), [gone](../gone.md), [site](https://example.com/x.md), [img](diagram.png).\n\n[ref]: ./0003-nope.md\n'),
      '0002-new-name.md': adr('accepted', 'B'),
    });
    const links = check(tree);
    expect(links.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`)).toEqual([
      '7:5 link/broken the link to "0002-old-name.md#context" does not resolve (there is no docs/adr/0002-old-name.md)',
      '7:36 link/broken the link to "../gone.md" does not resolve (there is no docs/gone.md)',
      '9:1 link/broken the link to "./0003-nope.md" does not resolve (there is no docs/adr/0003-nope.md)',
    ]);
    expect(links[0].hint).toBe('Did you mean 0002-new-name.md? Link to it instead.');
  });

  it('dates in the future (not-real dates come from the model)', () => {
    const tree = workspace({
      '0001-a.md': adr('accepted', 'A').replace('2026-01-15', '2026-06-02'),
      '0002-b.md': adr('accepted', 'B').replace('2026-01-15', '2026-02-30'),
      '0003-c.md': adr('accepted', 'C').replace('2026-01-15', TODAY),
    });
    expect(check(tree).map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`)).toEqual([
      'docs/adr/0001-a.md:3 date/future date 2026-06-02 is in the future',
      'docs/adr/0002-b.md:3 front-matter/date date 2026-02-30 is not a real calendar date',
    ]);
  });

  it('the decision log: missing, without markers, out of date', () => {
    expect(brief(check(workspace({ '0001-a.md': adr('accepted', 'A') }, false)))).toEqual(['docs/adr/README.md:1:1 warning decision-log/missing']);
    const tree = workspace({ '0001-a.md': adr('accepted', 'A') });
    tree.write('docs/adr/0002-b.md', adr('proposed', 'B'));
    tree.write('docs/adr/0001-a.md', adr('deprecated', 'A'));
    const [stale] = check(tree);
    expect(stale).toMatchObject({ file: 'docs/adr/README.md', line: 8, severity: 'error', code: 'decision-log/stale', message: 'the decision log is out of date (ADR-0001 changed, ADR-0002 missing)' });
    expect(stale.fix).toEqual({ kind: 'decision-log', path: 'docs/adr/README.md' });
    tree.write('docs/adr/README.md', '# Our decisions\n');
    expect(brief(check(tree))).toEqual(['docs/adr/README.md:1:1 warning decision-log/missing']);
  });
});
