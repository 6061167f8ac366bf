import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import type { ProjectGraph, ProjectGraphProjectNode } from '@nx/devkit';
import { packageNameOf } from '../../policy/imports';
import { StampedCache, statStamp } from '../utils/stat-cache';
import { aliasTable, readPathAliases, resolveAlias, type PathAlias } from './tsconfig-paths';

export type ImportTarget =
  | { kind: 'project'; project: ProjectGraphProjectNode }
  | { kind: 'npm'; packageName: string };

/** Maps files and import specifiers to Nx projects. Built once per graph (and tsconfig) version. */
export interface ProjectLocator {
  /** The project owning a workspace-relative file, or null. */
  projectOfFile(file: string): ProjectGraphProjectNode | null;
  /** What an import specifier written in `fromFile` (workspace-relative) points at; null for builtins and unresolvable paths. */
  targetOf(specifier: string, fromFile: string): ImportTarget | null;
}

const BUILTINS = new Set(builtinModules);

/** Node's own modules (`fs`, `node:fs`, `fs/promises`): no project, no npm package. */
export function isBuiltinModule(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

function createLocator(graph: ProjectGraph, aliases: PathAlias[]): ProjectLocator {
  const table = aliasTable(aliases);
  const byRoot = new Map<string, ProjectGraphProjectNode>();
  const byPackageName = new Map<string, ProjectGraphProjectNode>();
  for (const node of Object.values(graph.nodes)) {
    byRoot.set(posix.normalize(node.data.root || '.'), node);
    const packageName = (node.data.metadata as { js?: { packageName?: string } } | undefined)?.js?.packageName;
    if (packageName) byPackageName.set(packageName, node);
  }
  const byDirectory = new Map<string, ProjectGraphProjectNode | null>();
  const ownerOfDirectory = (dir: string): ProjectGraphProjectNode | null => {
    const known = byDirectory.get(dir);
    if (known !== undefined) return known;
    const own = byRoot.get(dir);
    const found = own ?? (dir === '.' || dir === '' ? null : ownerOfDirectory(posix.dirname(dir)));
    byDirectory.set(dir, found);
    return found;
  };
  const projectOfFile = (file: string) => (file.startsWith('../') ? null : ownerOfDirectory(posix.dirname(posix.normalize(file))));

  const relativeTargets = new Map<string, ImportTarget | null>();
  const relativeTarget = (dir: string, specifier: string): ImportTarget | null => {
    const target = posix.join(dir, specifier);
    const project = target.startsWith('../') ? null : (ownerOfDirectory(target) ?? projectOfFile(target));
    return project ? { kind: 'project', project } : null;
  };
  const bareTargets = new Map<string, ImportTarget | null>();
  const bareTarget = (specifier: string): ImportTarget | null => {
    if (isBuiltinModule(specifier)) return null;
    const aliased = resolveAlias(table, specifier);
    if (aliased !== null) {
      const project = ownerOfDirectory(aliased) ?? projectOfFile(aliased);
      if (project) return { kind: 'project', project };
    }
    const packageName = packageNameOf(specifier);
    if (packageName === null) return null;
    const workspaceProject = byPackageName.get(packageName);
    if (workspaceProject) return { kind: 'project', project: workspaceProject };
    return { kind: 'npm', packageName };
  };

  return {
    projectOfFile,
    targetOf(specifier, fromFile) {
      if (specifier.startsWith('.')) {
        // Files of one folder share their relative imports: resolve each once per folder.
        const slash = fromFile.lastIndexOf('/');
        const dir = slash < 0 ? '.' : fromFile.slice(0, slash);
        const key = `${dir}\0${specifier}`;
        let target = relativeTargets.get(key);
        if (target === undefined) relativeTargets.set(key, (target = relativeTarget(dir, specifier)));
        return target;
      }
      // A bare specifier means the same thing from every file: resolve it once.
      let target = bareTargets.get(specifier);
      if (target === undefined) bareTargets.set(specifier, (target = bareTarget(specifier)));
      return target;
    },
  };
}

const locators = new StampedCache<ProjectLocator>();
const graphIds = new WeakMap<ProjectGraph, number>();
let nextGraphId = 0;

/** The locator for this graph object and the current root tsconfig; rebuilt when either changes. */
export function projectLocatorFor(workspaceRoot: string, graph: ProjectGraph): ProjectLocator {
  let graphId = graphIds.get(graph);
  if (graphId === undefined) graphIds.set(graph, (graphId = nextGraphId++));
  const stamp = `${graphId}|${statStamp(join(workspaceRoot, 'tsconfig.base.json'))}|${statStamp(join(workspaceRoot, 'tsconfig.json'))}`;
  return locators.get(workspaceRoot, stamp, () => createLocator(graph, readPathAliases(workspaceRoot)));
}

export function resetProjectLocatorCache(): void {
  locators.clear();
}
