import type { DependencyConstraint } from '../adr/types';
import { hasAnyTag, hasTag, matchesExternalImportPattern } from './patterns';

/*
 * Dependency constraints with the meaning of @nx/enforce-module-boundaries' depConstraints.
 * One deliberate difference: Nx fails every dependency of a project that no constraint
 * matches ("A project without tags matching at least one constraint cannot depend on any
 * libraries"). A policy is assembled from many ADRs, each about a few tags, so here a
 * project only answers to the constraints whose source tags it carries.
 */

export interface ProjectView {
  name: string;
  tags: readonly string[];
}

/** What the checks need to know about the project graph. */
export interface DependencyGraphView {
  /** Tags of a workspace project; undefined when `name` is not a workspace project. */
  tagsOf(name: string): readonly string[] | undefined;
  /** Workspace projects `name` depends on directly (npm packages excluded). */
  projectDependenciesOf(name: string): readonly string[];
}

export type ConstraintViolationKind = 'onlyDependOnLibsWithTags' | 'emptyOnlyDependOnLibsWithTags' | 'notDependOnLibsWithTags' | 'bannedExternalImports';

export interface ConstraintViolation<C extends DependencyConstraint = DependencyConstraint> {
  constraint: C;
  kind: ConstraintViolationKind;
  /** Nx-style explanation, e.g. `A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared"`. */
  message: string;
  /** For notDependOnLibsWithTags: the paths from the dependency to each project carrying a banned tag. */
  paths?: string[][];
}

/** `"scope:shared"`, or `"scope:a" and "type:ui"` for allSourceTags. */
export function constraintSourceLabel(constraint: DependencyConstraint): string {
  return `"${(constraint.allSourceTags ?? [constraint.sourceTag ?? '']).join('" and "')}"`;
}

function quoteAll(tags: readonly string[]): string {
  return tags.map((t) => `"${t}"`).join(', ');
}

/** The constraints that apply to a project with `sourceTags`. */
export function constraintsFor<C extends DependencyConstraint>(sourceTags: readonly string[], constraints: readonly C[]): C[] {
  return constraints.filter((c) =>
    c.allSourceTags ? c.allSourceTags.every((t) => hasTag(sourceTags, t)) : c.sourceTag !== undefined && hasTag(sourceTags, c.sourceTag),
  );
}

/**
 * Projects reachable from `start` (itself included) that carry one of `patterns`, each with the
 * path that leads there (`[start, ..., project]`). Breadth-first, so each path is a shortest one.
 */
export function findProjectsWithTags(graph: DependencyGraphView, start: string, patterns: readonly string[]): string[][] {
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  const found: string[][] = [];
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i];
    if (hasAnyTag(graph.tagsOf(name), patterns)) {
      const path = [name];
      for (let p = parent.get(name); p; p = parent.get(p)) path.unshift(p);
      found.push(path);
    }
    for (const dep of graph.projectDependenciesOf(name)) {
      if (!parent.has(dep) && graph.tagsOf(dep) !== undefined) {
        parent.set(dep, name);
        queue.push(dep);
      }
    }
  }
  return found;
}

/** Every constraint the dependency `source -> target` (two workspace projects) violates. */
export function projectDependencyViolations<C extends DependencyConstraint>(
  graph: DependencyGraphView,
  source: ProjectView,
  target: ProjectView,
  constraints: readonly C[],
): ConstraintViolation<C>[] {
  const violations: ConstraintViolation<C>[] = [];
  for (const constraint of constraintsFor(source.tags, constraints)) {
    const from = `A project tagged with ${constraintSourceLabel(constraint)}`;
    const only = constraint.onlyDependOnLibsWithTags;
    if (only && only.length > 0 && !hasAnyTag(target.tags, only)) {
      violations.push({ constraint, kind: 'onlyDependOnLibsWithTags', message: `${from} can only depend on libs tagged with ${quoteAll(only)}` });
    } else if (only && only.length === 0 && target.tags.length > 0) {
      violations.push({ constraint, kind: 'emptyOnlyDependOnLibsWithTags', message: `${from} cannot depend on any libs with tags` });
    }
    const not = constraint.notDependOnLibsWithTags;
    if (not && not.length > 0) {
      const paths = findProjectsWithTags(graph, target.name, not);
      if (paths.length > 0) {
        const via = paths.map((p) => p.join(' -> ')).join('; ');
        violations.push({ constraint, kind: 'notDependOnLibsWithTags', paths, message: `${from} can not depend on libs tagged with ${quoteAll(not)} (violation in: ${via})` });
      }
    }
  }
  return violations;
}

/** Whether `constraint` bans importing `specifier` from npm package `packageName` (Nx's rule). */
export function bansExternalImport(constraint: DependencyConstraint, packageName: string, specifier: string = packageName): boolean {
  if (specifier !== packageName && !specifier.startsWith(`${packageName}/`)) return false;
  if (constraint.bannedExternalImports?.some((p) => matchesExternalImportPattern(p, specifier))) return true;
  return constraint.allowedExternalImports !== undefined && !constraint.allowedExternalImports.some((p) => matchesExternalImportPattern(p, specifier));
}

/** Every constraint that forbids a project with `sourceTags` to import `specifier` of npm package `packageName`. */
export function externalImportViolations<C extends DependencyConstraint>(
  sourceTags: readonly string[],
  packageName: string,
  specifier: string,
  constraints: readonly C[],
): ConstraintViolation<C>[] {
  return constraintsFor(sourceTags, constraints)
    .filter((c) => bansExternalImport(c, packageName, specifier))
    .map((constraint) => ({
      constraint,
      kind: 'bannedExternalImports' as const,
      message: `A project tagged with ${constraintSourceLabel(constraint)} is not allowed to import "${specifier}"`,
    }));
}
