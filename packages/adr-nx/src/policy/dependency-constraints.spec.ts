import {
  bansExternalImport,
  constraintsFor,
  externalImportViolations,
  findProjectsWithTags,
  projectDependencyViolations,
  type DependencyGraphView,
} from './dependency-constraints';

function graphOf(projects: Record<string, { tags: string[]; deps?: string[] }>): DependencyGraphView {
  return {
    tagsOf: (name) => projects[name]?.tags,
    projectDependenciesOf: (name) => projects[name]?.deps ?? [],
  };
}

const project = (name: string, tags: string[]) => ({ name, tags });

describe('constraintsFor', () => {
  it('selects by sourceTag, by every one of allSourceTags, and by "*"', () => {
    const constraints = [
      { sourceTag: 'scope:shared' },
      { allSourceTags: ['scope:shared', 'type:ui'] },
      { sourceTag: '*' },
      { sourceTag: 'scope:app' },
    ];
    expect(constraintsFor(['scope:shared'], constraints)).toEqual([constraints[0], constraints[2]]);
    expect(constraintsFor(['scope:shared', 'type:ui'], constraints)).toEqual([constraints[0], constraints[1], constraints[2]]);
    expect(constraintsFor([], constraints)).toEqual([constraints[2]]);
  });
});

describe('projectDependencyViolations', () => {
  const graph = graphOf({
    shared: { tags: ['scope:shared'], deps: ['app'] },
    app: { tags: ['scope:app'], deps: ['legacy'] },
    legacy: { tags: ['type:legacy'] },
    untagged: { tags: [] },
  });

  it('onlyDependOnLibsWithTags: the dependency must carry one of the tags', () => {
    const c = { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] };
    const v = projectDependencyViolations(graph, project('shared', ['scope:shared']), project('app', ['scope:app']), [c]);
    expect(v).toEqual([
      { constraint: c, kind: 'onlyDependOnLibsWithTags', message: 'A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared"' },
    ]);
    expect(projectDependencyViolations(graph, project('shared', ['scope:shared']), project('s2', ['scope:shared']), [c])).toEqual([]);
  });

  it('an empty onlyDependOnLibsWithTags forbids dependencies on tagged projects only', () => {
    const c = { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: [] };
    expect(projectDependencyViolations(graph, project('shared', ['scope:shared']), project('app', ['scope:app']), [c])[0].kind).toBe('emptyOnlyDependOnLibsWithTags');
    expect(projectDependencyViolations(graph, project('shared', ['scope:shared']), project('untagged', []), [c])).toEqual([]);
  });

  it('notDependOnLibsWithTags looks through the dependency\'s own dependencies and names the path', () => {
    const c = { sourceTag: 'scope:shared', notDependOnLibsWithTags: ['type:legacy'] };
    const [v] = projectDependencyViolations(graph, project('shared', ['scope:shared']), project('app', ['scope:app']), [c]);
    expect(v.kind).toBe('notDependOnLibsWithTags');
    expect(v.paths).toEqual([['app', 'legacy']]);
    expect(v.message).toBe('A project tagged with "scope:shared" can not depend on libs tagged with "type:legacy" (violation in: app -> legacy)');
  });

  it('does not apply constraints of other source tags, and never fails a project no constraint matches', () => {
    const c = { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] };
    expect(projectDependencyViolations(graph, project('untagged', []), project('app', ['scope:app']), [c])).toEqual([]);
  });

  it('labels allSourceTags constraints like Nx', () => {
    const c = { allSourceTags: ['scope:shared', 'type:ui'], onlyDependOnLibsWithTags: ['type:ui'] };
    const [v] = projectDependencyViolations(graph, project('x', ['scope:shared', 'type:ui']), project('app', ['scope:app']), [c]);
    expect(v.message).toBe('A project tagged with "scope:shared" and "type:ui" can only depend on libs tagged with "type:ui"');
  });

  it('survives cycles in the graph', () => {
    const cyclic = graphOf({ a: { tags: ['t:a'], deps: ['b'] }, b: { tags: ['t:b'], deps: ['a'] } });
    expect(findProjectsWithTags(cyclic, 'a', ['t:none'])).toEqual([]);
    expect(findProjectsWithTags(cyclic, 'a', ['t:*'])).toEqual([['a'], ['a', 'b']]);
  });
});

describe('external imports (bannedExternalImports / allowedExternalImports)', () => {
  it('bans what bannedExternalImports lists, for that package only', () => {
    const c = { sourceTag: 'scope:shared', bannedExternalImports: ['lodash*'] };
    expect(bansExternalImport(c, 'lodash')).toBe(true);
    expect(bansExternalImport(c, 'lodash', 'lodash/fp')).toBe(true);
    expect(bansExternalImport(c, 'react')).toBe(false);
    expect(bansExternalImport(c, 'react', 'lodash')).toBe(false);
  });

  it('allowedExternalImports bans every package it does not list', () => {
    const c = { sourceTag: 'scope:shared', allowedExternalImports: ['tslib', '@fx/*'] };
    expect(bansExternalImport(c, 'tslib')).toBe(false);
    expect(bansExternalImport(c, '@fx/logger')).toBe(false);
    expect(bansExternalImport(c, 'winston')).toBe(true);
  });

  it('reports each constraint of the source project that bans the import', () => {
    const c = { sourceTag: 'scope:shared', bannedExternalImports: ['winston'] };
    expect(externalImportViolations(['scope:shared'], 'winston', 'winston', [c])).toEqual([
      { constraint: c, kind: 'bannedExternalImports', message: 'A project tagged with "scope:shared" is not allowed to import "winston"' },
    ]);
    expect(externalImportViolations(['scope:app'], 'winston', 'winston', [c])).toEqual([]);
  });
});
