import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNodesFromFiles, type CreateNodesContextV2, type CreateNodesV2, type PostTasksExecution, type TargetConfiguration } from '@nx/devkit';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { recordTimings } from './metrics/timings/recorder';
import { normalizePluginOptions, type AdrNxPluginOptions, type NormalizedPluginOptions } from './plugin-options';

export type { AdrNxPluginOptions } from './plugin-options';

const PROJECT_FILES = '**/{project.json,package.json}';

function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function readPnpmWorkspacePackages(workspaceRoot: string): string[] {
  try {
    const parsed = parseYaml(readFileSync(join(workspaceRoot, 'pnpm-workspace.yaml'), 'utf8')) as { packages?: unknown } | null;
    return Array.isArray(parsed?.packages) ? parsed.packages.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Which package.json files Nx treats as projects: the package manager's workspace globs (npm/yarn
 * `workspaces`, pnpm-workspace.yaml `packages`, `!` patterns excluding) plus a root with an "nx" key.
 */
export function packageJsonProjectMatcher(workspaceRoot: string): (file: string) => boolean {
  const root = readJson(join(workspaceRoot, 'package.json'));
  const ws = root?.workspaces;
  const globs = [
    ...(Array.isArray(ws) ? ws : ((ws as { packages?: string[] } | undefined)?.packages ?? [])),
    ...readPnpmWorkspacePackages(workspaceRoot),
  ].filter((p): p is string => typeof p === 'string');
  const toPackageJson = (p: string) => {
    const clean = p.replace(/^\.\//, '').replace(/\/$/, '');
    return clean.endsWith('package.json') ? clean : `${clean}/package.json`;
  };
  const include = globs.filter((g) => !g.startsWith('!')).map(toPackageJson);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => toPackageJson(g.slice(1)));
  const isIncluded = include.length ? picomatch(include) : () => false;
  const isExcluded = exclude.length ? picomatch(exclude) : () => false;
  return (file) => (file === 'package.json' ? Boolean(root && 'nx' in root) : isIncluded(file) && !isExcluded(file));
}

/** Which project roots exist, from the same files Nx itself reads. */
function projectRootsFrom(files: readonly string[], workspaceRoot: string): Set<string> {
  const isPackageProject = packageJsonProjectMatcher(workspaceRoot);
  const roots = new Set<string>();
  for (const file of files) {
    const root = dirname(file);
    if (file.endsWith('project.json') || isPackageProject(file)) roots.add(root);
  }
  return roots;
}

/** The project that gets the workspace-wide targets: the root project, else the one holding the ADRs. */
export function workspaceProjectRoot(roots: Iterable<string>, adrDirectory: string): string | null {
  let best: string | null = null;
  for (const root of roots) {
    if (root === '.') return '.';
    if ((adrDirectory === root || adrDirectory.startsWith(`${root}/`)) && (!best || root.length > best.length)) best = root;
  }
  return best;
}

/** Re-run when @fx/adr-nx itself changes; only possible when it is an installed package (not this repo's source). */
function pluginVersionInput(workspaceRoot: string): Array<{ externalDependencies: string[] }> {
  return existsSync(join(workspaceRoot, 'node_modules', '@fx', 'adr-nx', 'package.json')) ? [{ externalDependencies: ['@fx/adr-nx'] }] : [];
}

/**
 * `adr-check` on every project. One project (the workspace root, else the one holding the ADR
 * folder, else the first) also checks the documents, so `nx run-many -t adr-check` checks them
 * once. Inputs are what the result depends on, so unrelated changes are cache hits:
 * - documents: every file in the ADR folder (the ADRs and the decision log);
 * - compliance: the ADRs; the project's files, whose imports make its graph edges; and the
 *   configuration (tags) of every project it depends on, directly or not. Nx hashes the
 *   project's own configuration (tags, targets) and its npm dependencies with these.
 * The workspace root project's compliance is not checked (see isToolingProject), so its
 * target depends on the ADR folder only.
 */
function adrCheckTarget(options: NormalizedPluginOptions, role: { documents: boolean; tooling: boolean }, workspaceRoot: string): TargetConfiguration {
  const dir = options.adrDirectory === '.' ? '{workspaceRoot}' : `{workspaceRoot}/${options.adrDirectory}`;
  // Workspace filesets are hashed as one set, so a negation would also drop README.md from the documents' inputs.
  const adrInputs = role.documents ? [`${dir}/**/*`] : [`${dir}/*.md`, `!${dir}/README.md`];
  const complianceInputs = role.tooling ? [] : ['default', { fileset: '{projectRoot}/project.json', dependencies: true }];
  const inputs: NonNullable<TargetConfiguration['inputs']> = [...adrInputs, ...complianceInputs, ...pluginVersionInput(workspaceRoot)];
  return {
    executor: '@fx/adr-nx:adr-check',
    cache: true,
    inputs,
    options: { adrDirectory: options.adrDirectory, ...(role.documents ? { documents: true } : {}) },
    metadata: {
      description: role.documents
        ? role.tooling
          ? 'Checks the ADR documents (once per run)'
          : "Checks the ADR documents (once per run) and this project's compliance with the accepted ADRs"
        : "Checks this project's compliance with the accepted ADRs",
      technologies: ['adr'],
    },
  };
}

function workspaceTargets(options: NormalizedPluginOptions): Record<string, TargetConfiguration> {
  return {
    [options.reportTimingsTargetName]: {
      executor: '@fx/adr-nx:report-timings',
      cache: false,
      options: {},
      metadata: { description: 'Sends recorded Nx task timings to Datadog (dry run without DD_API_KEY)', technologies: ['datadog'] },
    },
    [options.doraTargetName]: {
      executor: '@fx/adr-nx:dora',
      cache: false,
      options: {},
      metadata: { description: 'Computes the four DORA keys from git and events; sends them to Datadog/Prometheus', technologies: ['dora'] },
    },
  };
}

export const createNodesV2: CreateNodesV2<AdrNxPluginOptions> = [
  PROJECT_FILES,
  async (files, rawOptions, context: CreateNodesContextV2) => {
    const options = normalizePluginOptions(rawOptions);
    const roots = projectRootsFrom(files, context.workspaceRoot);
    const workspaceRoot = workspaceProjectRoot(roots, options.adrDirectory);
    // Without a root project or one holding the ADRs, the first project checks the documents.
    const documentsRoot = workspaceRoot ?? [...roots].sort()[0];
    const seen = new Set<string>();
    return createNodesFromFiles(
      (file) => {
        const root = dirname(file);
        // One result per project root, even when it has both project.json and package.json.
        if (!roots.has(root) || seen.has(root)) return {};
        seen.add(root);
        const role = { documents: root === documentsRoot, tooling: root === '.' };
        const targets: Record<string, TargetConfiguration> = { [options.targetName]: adrCheckTarget(options, role, context.workspaceRoot) };
        if (root === workspaceRoot) Object.assign(targets, workspaceTargets(options));
        return { projects: { [root]: { targets } } };
      },
      files,
      options,
      context,
    );
  },
];

/** Nx 23 reads `createNodes` as the v2 batch signature; `createNodesV2` keeps Nx 21/22 working. */
export const createNodes = createNodesV2;

/** Records every Nx run's task timings for report-timings (metrics/timings/recorder.ts). */
export const postTasksExecution: PostTasksExecution<AdrNxPluginOptions> = recordTimings;
