import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearPolicyCache, loadPolicy } from './load-policy';

const accepted = (targets: string) => `---\nstatus: accepted\ndate: 2024-01-01\nenforcement:\n  requiredTargets: [${targets}]\n---\n# Require ${targets}\n`;

describe('loadPolicy', () => {
  let root: string;
  beforeEach(() => {
    clearPolicyCache();
    root = mkdtempSync(join(tmpdir(), 'adr-policy-'));
    mkdirSync(join(root, 'docs/adr'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the ADR folder through the model and builds the policy', () => {
    writeFileSync(join(root, 'docs/adr/0001-require-test.md'), accepted('test'));
    writeFileSync(join(root, 'docs/adr/0002-no-enforcement.md'), '---\nstatus: accepted\ndate: 2024-01-01\n---\n# Plain\n');
    writeFileSync(join(root, 'docs/adr/README.md'), accepted('readme-is-not-an-adr'));
    const policy = loadPolicy(root, 'docs/adr');
    expect(policy.requiredTargets.map((r) => [r.target, r.adr.id, r.adr.path])).toEqual([['test', 'ADR-0001', 'docs/adr/0001-require-test.md']]);
  });

  it('returns the same object until an ADR file changes, is added or removed', () => {
    const file = join(root, 'docs/adr/0001-require-test.md');
    writeFileSync(file, accepted('test'));
    const first = loadPolicy(root, 'docs/adr');
    expect(loadPolicy(root, 'docs/adr')).toBe(first);

    writeFileSync(file, accepted('lint'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const edited = loadPolicy(root, 'docs/adr');
    expect(edited).not.toBe(first);
    expect(edited.requiredTargets.map((r) => r.target)).toEqual(['lint']);

    writeFileSync(join(root, 'docs/adr/0002-require-build.md'), accepted('build'));
    expect(loadPolicy(root, 'docs/adr').requiredTargets.map((r) => r.target)).toEqual(['lint', 'build']);
    rmSync(file);
    expect(loadPolicy(root, 'docs/adr').requiredTargets.map((r) => r.target)).toEqual(['build']);
  });

  it('keeps previews apart from the enforced policy', () => {
    writeFileSync(join(root, 'docs/adr/0001-p.md'), accepted('test').replace('accepted', 'proposed'));
    expect(loadPolicy(root, 'docs/adr').requiredTargets).toEqual([]);
    expect(loadPolicy(root, 'docs/adr', { includeProposed: true }).requiredTargets.map((r) => r.preview)).toEqual([true]);
  });

  it('a missing folder is a problem, not an exception', () => {
    const policy = loadPolicy(root, 'nowhere/adr');
    expect(policy.requiredTargets).toEqual([]);
    expect(policy.problems).toEqual([expect.objectContaining({ file: 'nowhere/adr', code: 'directory/missing' })]);
  });
});
