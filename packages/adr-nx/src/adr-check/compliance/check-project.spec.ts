import type { ProjectGraph } from '@nx/devkit';
import { parseAdr } from '../../adr/parse';
import { buildPolicy } from '../../policy/build-policy';
import { checkProjectCompliance } from './check-project';
import type { ProjectLocation } from './project-location';

function graph(): ProjectGraph {
  const node = (name: string, root: string, tags: string[], targets: string[] = ['test', 'lint']) => ({
    name,
    type: 'lib' as const,
    data: { root, tags, targets: Object.fromEntries(targets.map((t) => [t, {}])) },
  });
  return {
    nodes: {
      shared: node('shared', 'libs/shared', ['scope:shared', 'type:util']),
      feature: node('feature', 'libs/feature', ['scope:app', 'type:feature'], ['lint']),
      legacy: node('legacy', 'libs/legacy', ['scope:app', 'type:legacy']),
      untagged: node('untagged', 'libs/untagged', []),
      workspace: node('workspace', '.', [], []),
    },
    externalNodes: {
      'npm:winston': { name: 'npm:winston', type: 'npm', data: { packageName: 'winston', version: '3.0.0' } },
      'npm:lodash': { name: 'npm:lodash', type: 'npm', data: { packageName: 'lodash', version: '4.0.0' } },
    },
    dependencies: {
      shared: [
        { source: 'shared', target: 'feature', type: 'static' },
        { source: 'shared', target: 'feature', type: 'dynamic' },
        { source: 'shared', target: 'npm:winston', type: 'static' },
      ],
      feature: [
        { source: 'feature', target: 'legacy', type: 'static' },
        { source: 'feature', target: 'npm:lodash', type: 'static' },
      ],
      legacy: [],
      untagged: [{ source: 'untagged', target: 'npm:winston', type: 'static' }],
      workspace: [{ source: 'workspace', target: 'npm:winston', type: 'static' }],
    },
  } as ProjectGraph;
}

const location = (file: string): ProjectLocation => ({ file, find: (needle) => ({ file, line: needle.length, column: 3 }) });

const ACCEPTED = `---
status: accepted
date: 2026-01-15
enforcement:
  bannedImports:
    - name: winston
      use: "@fx/logger"
      message: logs must be structured
  dependencyConstraints:
    - sourceTag: "scope:shared"
      onlyDependOnLibsWithTags: ["scope:shared"]
    - sourceTag: "type:feature"
      notDependOnLibsWithTags: ["type:legacy"]
      bannedExternalImports: ["lodash"]
  requiredTags: ["scope:*", "type:*"]
  requiredTargets: [test]
---
# Keep shared code shared
`;

const PROPOSED = `---
status: proposed
date: 2026-01-15
enforcement:
  requiredTargets: [lint, e2e]
---
# Every project has e2e tests
`;

describe('checkProjectCompliance', () => {
  const policy = buildPolicy([parseAdr(ACCEPTED, 'docs/adr/0007-keep-shared-code-shared.md'), parseAdr(PROPOSED, 'docs/adr/0009-every-project-has-e2e-tests.md')], { includeProposed: true });
  const run = (name: string) => checkProjectCompliance(graph(), name, policy, location(`libs/${name}/project.json`));

  it('checks dependency constraints on project graph edges (once per edge) and banned imports on npm edges, citing the ADR', () => {
    const findings = run('shared');
    expect(findings.map((f) => `${f.severity} ${f.code}: ${f.message}`)).toEqual([
      'warning compliance/required-target: [if accepted] project "shared" has no "e2e" target (proposed ADR-0009 "Every project has e2e tests" (docs/adr/0009-every-project-has-e2e-tests.md:5))',
      'error compliance/dependency-constraint: "shared" depends on "feature": A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared" (ADR-0007 "Keep shared code shared" (docs/adr/0007-keep-shared-code-shared.md:10))',
      'error compliance/banned-import: "shared" depends on npm package "winston", which is banned; use "@fx/logger" instead (logs must be structured) (ADR-0007 "Keep shared code shared" (docs/adr/0007-keep-shared-code-shared.md:6))',
    ]);
    expect(findings[1]).toMatchObject({ file: 'libs/shared/project.json', project: 'shared', adr: { id: 'ADR-0007', title: 'Keep shared code shared', path: 'docs/adr/0007-keep-shared-code-shared.md', status: 'accepted' } });
    expect(findings[2].line).toBe('winston'.length);
    expect(findings[0]).toMatchObject({ preview: true, severity: 'warning' });
  });

  it('notDependOnLibsWithTags, bannedExternalImports and requiredTargets', () => {
    expect(run('feature').map((f) => `${f.severity} ${f.code}`)).toEqual(['error compliance/required-target', 'warning compliance/required-target', 'error compliance/dependency-constraint', 'error compliance/banned-external-import']);
    expect(run('feature')[2].message).toContain('A project tagged with "type:feature" can not depend on libs tagged with "type:legacy" (violation in: legacy)');
    expect(run('feature')[3].message).toContain('A project tagged with "type:feature" is not allowed to import "lodash"');
  });

  it('requiredTags for a project without tags', () => {
    expect(run('untagged').filter((f) => f.code === 'compliance/required-tag').map((f) => f.message.split(' (')[0])).toEqual(['project "untagged" has no tag matching "scope:*"', 'project "untagged" has no tag matching "type:*"']);
  });

  it('bans a workspace library by its import name too', () => {
    const g = graph();
    (g.nodes.feature.data as { metadata?: unknown }).metadata = { js: { packageName: '@acme/feature' } };
    const banning = buildPolicy([parseAdr('---\nstatus: accepted\ndate: 2026-01-15\nenforcement:\n  bannedImports:\n    - name: "@acme/feature"\n---\n# Retire feature\n', 'docs/adr/0003-retire-feature.md')]);
    const findings = checkProjectCompliance(g, 'shared', banning, location('libs/shared/project.json'));
    expect(findings.map((f) => f.message)).toEqual(['"shared" depends on "feature" (imported as "@acme/feature"), which is banned (ADR-0003 "Retire feature" (docs/adr/0003-retire-feature.md:6))']);
  });

  it('skips the workspace root project: it holds tooling, not code the ADRs constrain', () => {
    expect(run('workspace')).toEqual([]);
  });

  it('finds nothing when the policy is empty', () => {
    expect(checkProjectCompliance(graph(), 'shared', buildPolicy([]), location('libs/shared/project.json'))).toEqual([]);
  });
});
