import { parseAdr } from '../adr/parse';
import { buildPolicy } from './build-policy';
import { citeAdr } from './types';

function adr(number: number, status: string, enforcement: string, title = `Decision ${number}`) {
  const name = `${String(number).padStart(4, '0')}-decision-${number}.md`;
  const text = `---\nstatus: ${status}\ndate: 2024-01-0${(number % 9) + 1}\nenforcement:\n${enforcement}---\n# ${title}\n\nBody.\n`;
  return parseAdr(text, `docs/adr/${name}`);
}

const BANNED = '  bannedImports:\n    - name: winston\n      use: "@fx/logger"\n';

describe('buildPolicy', () => {
  it('enforces accepted ADRs and cites them with id, number, title, path and position', () => {
    const policy = buildPolicy([adr(7, 'accepted', BANNED, 'Log through @fx/logger')]);
    expect(policy.bannedImports).toEqual([
      {
        name: 'winston',
        use: '@fx/logger',
        adr: { id: 'ADR-0007', number: 7, title: 'Log through @fx/logger', path: 'docs/adr/0007-decision-7.md', status: 'accepted' },
        preview: false,
        line: 6,
        column: 7,
      },
    ]);
    expect(policy.problems).toEqual([]);
    expect(citeAdr(policy.bannedImports[0].adr, policy.bannedImports[0].line)).toBe('ADR-0007 "Log through @fx/logger" (docs/adr/0007-decision-7.md:6)');
  });

  it('previews proposed ADRs only when asked, and ignores rejected, deprecated and superseded ones', () => {
    const adrs = [adr(1, 'proposed', BANNED), adr(2, 'rejected', BANNED), adr(3, 'deprecated', BANNED), adr(4, 'superseded', BANNED)];
    expect(buildPolicy(adrs).bannedImports).toEqual([]);
    const withPreview = buildPolicy(adrs, { includeProposed: true });
    expect(withPreview.bannedImports.map((r) => [r.adr.id, r.preview, r.adr.status])).toEqual([['ADR-0001', true, 'proposed']]);
  });

  it('collects every kind of enforcement', () => {
    const policy = buildPolicy([
      adr(
        5,
        'accepted',
        [
          '  dependencyConstraints:',
          '    - sourceTag: "scope:shared"',
          '      onlyDependOnLibsWithTags: ["scope:shared"]',
          '    - allSourceTags: ["scope:app", "type:ui"]',
          '      notDependOnLibsWithTags: ["type:data"]',
          '      bannedExternalImports: ["lodash"]',
          '  restrictedSyntax:',
          '    - selector: "CallExpression[callee.object.name=\'console\']"',
          '      message: Log through @fx/logger',
          '      files: ["apps/*-lambda/**"]',
          '  requiredTags: ["scope:*", "type:*"]',
          '  requiredTargets: [test, lint]',
          '',
        ].join('\n'),
      ),
    ]);
    expect(policy.dependencyConstraints.map((c) => ({ ...c, adr: undefined, line: undefined, column: undefined, preview: undefined }))).toEqual([
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'], adr: undefined, line: undefined, column: undefined, preview: undefined },
      { allSourceTags: ['scope:app', 'type:ui'], notDependOnLibsWithTags: ['type:data'], bannedExternalImports: ['lodash'], adr: undefined, line: undefined, column: undefined, preview: undefined },
    ]);
    expect(policy.dependencyConstraints.map((c) => c.line)).toEqual([6, 8]);
    expect(policy.restrictedSyntax).toMatchObject([{ selector: "CallExpression[callee.object.name='console']", message: 'Log through @fx/logger', files: ['apps/*-lambda/**'], line: 12 }]);
    expect(policy.requiredTags.map((r) => [r.pattern, r.line, r.column])).toEqual([
      ['scope:*', 15, 18],
      ['type:*', 15, 29],
    ]);
    expect(policy.requiredTargets.map((r) => r.target)).toEqual(['test', 'lint']);
    expect(policy.problems).toEqual([]);
  });

  it('leaves out an entry with a bad regex and reports the ADR file and line; never throws', () => {
    const policy = buildPolicy([
      adr(9, 'accepted', '  dependencyConstraints:\n    - sourceTag: "/[scope/"\n      onlyDependOnLibsWithTags: ["*"]\n    - sourceTag: ok\n      onlyDependOnLibsWithTags: ["ok"]\n  requiredTags: ["/(/", "scope:*"]\n'),
    ]);
    expect(policy.dependencyConstraints.map((c) => c.sourceTag)).toEqual(['ok']);
    expect(policy.requiredTags.map((r) => r.pattern)).toEqual(['scope:*']);
    expect(policy.problems).toEqual([
      expect.objectContaining({ file: 'docs/adr/0009-decision-9.md', line: 6, column: 18, severity: 'error', code: 'enforcement/pattern', message: expect.stringMatching(/^ADR-0009: tag pattern "\/\[scope\/" is not a valid regular expression .*; this entry is not enforced$/) }),
      expect.objectContaining({ line: 10, column: 18, message: expect.stringContaining('"/(/" is not a valid regular expression') }),
    ]);
  });

  it('a preview problem is a warning', () => {
    const policy = buildPolicy([adr(2, 'proposed', '  requiredTags: ["/(/"]\n')], { includeProposed: true });
    expect(policy.problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('skips entries of the wrong shape (the schema check reports them) without throwing', () => {
    const policy = buildPolicy([
      adr(3, 'accepted', '  bannedImports:\n    - use: x\n    - 42\n    - name: ok\n  dependencyConstraints:\n    - onlyDependOnLibsWithTags: [a]\n    - sourceTag: a\n      allSourceTags: [b]\n    - sourceTag: a\n      onlyDependOnLibsWithTags: b\n  requiredTags: [1, "ok"]\n  requiredTargets: {}\n  restrictedSyntax: "x"\n'),
    ]);
    expect(policy.bannedImports.map((b) => b.name)).toEqual(['ok']);
    expect(policy.dependencyConstraints).toEqual([]);
    expect(policy.requiredTags.map((r) => r.pattern)).toEqual(['ok']);
    expect(policy.requiredTargets).toEqual([]);
    expect(policy.restrictedSyntax).toEqual([]);
  });

  it('says when an ADR with enforcement cannot be read at all', () => {
    const broken = parseAdr('---\nstatus: accepted\ndate: [2024\nenforcement:\n  requiredTargets: [test]\n---\n# Broken\n', 'docs/adr/0004-broken.md');
    const policy = buildPolicy([broken]);
    expect(policy.requiredTargets).toEqual([]);
    expect(policy.problems).toEqual([expect.objectContaining({ file: 'docs/adr/0004-broken.md', code: 'enforcement/unread', message: 'ADR-0004: the front-matter cannot be read, so its enforcement is not applied' })]);
  });

  it('uses the file name as title when the ADR has no H1', () => {
    const noTitle = parseAdr('---\nstatus: accepted\ndate: 2024-01-01\nenforcement:\n  requiredTargets: [test]\n---\nNo heading.\n', 'docs/adr/0006-x.md');
    expect(buildPolicy([noTitle]).requiredTargets[0].adr.title).toBe('0006-x.md');
  });
  it('reports an unknown enforcement key (a typo) with the ADR file and line, and keeps the known ones', () => {
    const policy = buildPolicy([adr(8, 'accepted', '  bannedImport:\n    - name: winston\n  requiredTargets: [test]\n')]);
    expect(policy.requiredTargets.map((r) => r.target)).toEqual(['test']);
    expect(policy.problems).toEqual([expect.objectContaining({ file: 'docs/adr/0008-decision-8.md', line: 5, message: 'ADR-0008: unknown enforcement key "bannedImport"; this entry is not enforced' })]);
  });
});
