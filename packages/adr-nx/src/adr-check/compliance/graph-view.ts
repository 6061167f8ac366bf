import type { ProjectGraph } from '@nx/devkit';
import type { DependencyGraphView } from '../../policy/dependency-constraints';

const views = new WeakMap<ProjectGraph, DependencyGraphView>();

/**
 * The policy's view of an Nx project graph (workspace projects only; npm nodes are not
 * projects). One view per graph, so what the constraint checks memoize serves every project.
 */
export function graphView(graph: ProjectGraph): DependencyGraphView {
  let view = views.get(graph);
  if (!view) {
    const deps = new Map<string, string[]>();
    view = {
      tagsOf: (name) => graph.nodes[name]?.data.tags ?? (graph.nodes[name] ? [] : undefined),
      projectDependenciesOf(name) {
        let list = deps.get(name);
        if (!list) deps.set(name, (list = [...new Set((graph.dependencies[name] ?? []).map((d) => d.target).filter((t) => graph.nodes[t] !== undefined))]));
        return list;
      },
      projectNames: () => Object.keys(graph.nodes),
    };
    views.set(graph, view);
  }
  return view;
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
