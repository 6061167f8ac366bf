import type { ProjectGraph } from '@nx/devkit';
import type { DependencyGraphView } from '../../policy';

const views = new WeakMap<ProjectGraph, DependencyGraphView>();

/** The policy module's view of an Nx project graph (workspace projects and their project dependencies), one per graph. */
export function graphViewOf(graph: ProjectGraph): DependencyGraphView {
  let view = views.get(graph);
  if (!view) {
    const projectDeps = new Map<string, string[]>();
    for (const [name, deps] of Object.entries(graph.dependencies ?? {})) {
      projectDeps.set(name, [...new Set(deps.map((d) => d.target).filter((t) => t in graph.nodes))]);
    }
    view = {
      tagsOf: (name) => graph.nodes[name]?.data.tags ?? (name in graph.nodes ? [] : undefined),
      projectDependenciesOf: (name) => projectDeps.get(name) ?? [],
    };
    views.set(graph, view);
  }
  return view;
}
