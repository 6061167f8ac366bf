import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskSource, treeSource } from '../../adr/file-source';
import { checkDocuments } from './check-documents';
import { planFixes } from './plan-fixes';

const TODAY = '2026-06-01';
const adr = (status: string, title: string, extra = '') => `---\nstatus: ${status}\ndate: 2026-01-15\n${extra}---\n# ${title}\n\nText.\n`;

function fixAll(tree: Tree) {
  const source = treeSource(tree);
  const writes = planFixes(source, 'docs/adr', checkDocuments(source, 'docs/adr', { today: TODAY }).findings);
  for (const w of writes) tree.write(w.path, w.text);
  return { writes: writes.map((w) => w.path).sort(), after: checkDocuments(source, 'docs/adr', { today: TODAY }).findings };
}

describe('planFixes (adr-check --fix)', () => {
  it('removes a BOM, turns CRLF into LF, adds missing back-links and rewrites the decision log, leaving a clean folder', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('docs/adr/0001-use-rest.md', `\uFEFF${adr('accepted', 'Use REST')}`.replace(/\n/g, '\r\n'));
    tree.write('docs/adr/0002-use-grpc.md', adr('accepted', 'Use gRPC', 'supersedes: [1]\n'));
    tree.write('docs/adr/0003-use-kafka.md', adr('superseded', 'Use Kafka', 'superseded-by: 4\n'));
    tree.write('docs/adr/0004-use-sqs.md', adr('accepted', 'Use SQS'));

    const { writes, after } = fixAll(tree);
    expect(writes).toEqual(['docs/adr/0001-use-rest.md', 'docs/adr/0004-use-sqs.md', 'docs/adr/README.md']);
    expect(after).toEqual([]);

    const old = tree.read('docs/adr/0001-use-rest.md', 'utf-8') as string;
    expect(old.startsWith('---\nstatus: superseded\n')).toBe(true);
    expect(old).not.toContain('\r');
    expect(old).toContain('superseded-by: 2');
    expect(old).toContain('> Superseded by [ADR-0002: Use gRPC](0002-use-grpc.md).');
    expect(tree.read('docs/adr/0004-use-sqs.md', 'utf-8')).toContain('supersedes: [3]');
    expect(tree.read('docs/adr/README.md', 'utf-8')).toContain('| [ADR-0001](0001-use-rest.md) | Use REST | superseded by ADR-0002 | 2026-01-15 |');
  });

  it('does nothing to contradictions that need a decision, and nothing at all on a clean folder', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('docs/adr/0001-a.md', adr('superseded', 'A', 'superseded-by: 2\n'));
    tree.write('docs/adr/0002-b.md', adr('accepted', 'B', 'supersedes: [1]\n'));
    tree.write('docs/adr/0003-c.md', adr('accepted', 'C', 'supersedes: [1]\n'));
    const first = fixAll(tree);
    expect(first.writes).toEqual(['docs/adr/README.md']);
    expect(first.after.map((f) => f.code)).toEqual(['supersession/conflict']);
    expect(fixAll(tree).writes).toEqual([]);
  });

  it('adds the number to an existing supersedes list, sorted, keeping comments', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('docs/adr/0001-a.md', adr('superseded', 'A', 'superseded-by: 3\n'));
    tree.write('docs/adr/0002-b.md', adr('superseded', 'B', 'superseded-by: 3\n'));
    tree.write('docs/adr/0003-c.md', adr('accepted', 'C', '# replaces the old ones\nsupersedes: [2]\n'));
    fixAll(tree);
    const text = tree.read('docs/adr/0003-c.md', 'utf-8') as string;
    expect(text).toContain('# replaces the old ones\nsupersedes: [1, 2]\n');
  });
});

describe('planFixes on disk (diskSource reads through readCapped)', () => {
  it('builds the decision log from the fixed texts, not the files still on disk', () => {
    const root = mkdtempSync(join(tmpdir(), 'adr-fix-'));
    mkdirSync(join(root, 'docs/adr'), { recursive: true });
    writeFileSync(join(root, 'docs/adr/0001-use-rest.md'), adr('accepted', 'Use REST'));
    writeFileSync(join(root, 'docs/adr/0002-use-grpc.md'), adr('accepted', 'Use gRPC', 'supersedes: [1]\n'));
    const source = diskSource(root);
    const writes = planFixes(source, 'docs/adr', checkDocuments(source, 'docs/adr', { today: TODAY }).findings);
    const log = writes.find((w) => w.path === 'docs/adr/README.md')?.text ?? '';
    expect(log).toContain('| [ADR-0001](0001-use-rest.md) | Use REST | superseded by ADR-0002 |');
  });
});
