import type { ProjectGraph } from '@nx/devkit';
import type { DependencyGraphView } from '../../policy/dependency-constraints';

/** The policy's view of an Nx project graph (workspace projects only; npm nodes are not projects). */
export function graphView(graph: ProjectGraph): DependencyGraphView {
  return {
    tagsOf: (name) => graph.nodes[name]?.data.tags ?? (graph.nodes[name] ? [] : undefined),
    projectDependenciesOf: (name) => (graph.dependencies[name] ?? []).map((d) => d.target).filter((t) => graph.nodes[t] !== undefined),
  };
}

/** Distinct direct dependencies of a project, split into workspace projects and npm package names. */
export function directDependencies(graph: ProjectGraph, name: string): { projects: string[]; packages: string[] } {
  const projects = new Set<string>();
  const packages = new Set<string>();
  for (const dep of graph.dependencies[name] ?? []) {
    if (graph.nodes[dep.target]) {
      if (dep.target !== name) projects.add(dep.target);
    } else {
      const external = graph.externalNodes?.[dep.target];
      if (external) packages.add(external.data.packageName);
    }
  }
  return { projects: [...projects].sort(), packages: [...packages].sort() };
}
