import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { StampedCache, statStamp } from '../utils/stat-cache';

/**
 * Where Nx writes the project graph it computed last (`nx lint`, `nx graph`, the daemon):
 * `.nx/workspace-data/project-graph.json` unless NX_WORKSPACE_DATA_DIRECTORY (or its older name
 * NX_PROJECT_GRAPH_CACHE_DIRECTORY) moves it; the same rule Nx itself applies.
 */
const graphPaths = new Map<string, string>();

export function projectGraphPath(workspaceRoot: string): string {
  let path = graphPaths.get(workspaceRoot);
  if (path === undefined) graphPaths.set(workspaceRoot, (path = graphPathOf(workspaceRoot)));
  return path;
}

function graphPathOf(workspaceRoot: string): string {
  const configured = process.env.NX_WORKSPACE_DATA_DIRECTORY || process.env.NX_PROJECT_GRAPH_CACHE_DIRECTORY;
  const dir = configured ? (isAbsolute(configured) ? configured : join(workspaceRoot, configured)) : join(workspaceRoot, '.nx', 'workspace-data');
  return join(dir, 'project-graph.json');
}

const graphs = new StampedCache<ProjectGraph | null>();

/**
 * The cached project graph, read like @nx/eslint-plugin's enforce-module-boundaries does (from
 * Nx's own cache file, never computing a graph inside ESLint), but re-read only when that file's
 * mtime or size changes. Null when Nx has not written one yet.
 */
export function readProjectGraph(workspaceRoot: string): ProjectGraph | null {
  const path = projectGraphPath(workspaceRoot);
  return graphs.get(path, statStamp(path), () => {
    try {
      const graph = JSON.parse(readFileSync(path, 'utf8')) as ProjectGraph;
      return graph && typeof graph.nodes === 'object' ? graph : null;
    } catch {
      return null;
    }
  });
}

export function projectGraphLoads(): number {
  return graphs.loads;
}

export function resetProjectGraphCache(): void {
  graphs.clear();
}
