import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resetCaches } from '../utils/caches';
import { setRecheckInterval } from '../utils/stat-cache';

/** A real workspace folder on disk (nx.json, ADRs, project graph) for RuleTester cases to lint files in. */
export interface FixtureWorkspace {
  root: string;
  /** Absolute path of a workspace-relative file, for RuleTester's `filename`. */
  path(file: string): string;
  write(file: string, text: string): void;
  remove(file: string): void;
  cleanup(): void;
}

export function fixtureWorkspace(files: Record<string, string>): FixtureWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'adr-eslint-'));
  const ws: FixtureWorkspace = {
    root,
    path: (file) => join(root, file),
    write(file, text) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    },
    remove: (file) => rmSync(join(root, file), { force: true, recursive: true }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  ws.write('nx.json', '{}\n');
  for (const [file, text] of Object.entries(files)) ws.write(file, text);
  return ws;
}

export interface AdrSpec {
  number: number;
  title: string;
  status?: string;
  /** YAML lines under `enforcement:` (indented by two spaces), or extra front-matter. */
  enforcement?: string;
  extra?: string;
}

/** An ADR file in the canonical format, as `nx g @fx/adr-nx:adr` writes it. */
export function adr({ number, title, status = 'accepted', enforcement, extra = '' }: AdrSpec): [string, string] {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const name = `docs/adr/${String(number).padStart(4, '0')}-${slug}.md`;
  const text = `---\nstatus: ${status}\ndate: 2026-01-15\n${extra}${enforcement ? `enforcement:\n${enforcement}` : ''}---\n# ${title}\n\n## Context and Problem Statement\n\nBecause.\n`;
  return [name, text];
}

export interface ProjectSpec {
  name: string;
  root: string;
  tags?: string[];
  packageName?: string;
  dependsOn?: string[];
}

/** `.nx/workspace-data/project-graph.json` as Nx writes it (nodes, externalNodes, dependencies). */
export function projectGraphFile(projects: ProjectSpec[], npmPackages: string[] = []): [string, string] {
  const graph = {
    nodes: Object.fromEntries(
      projects.map((p) => [
        p.name,
        { name: p.name, type: 'lib', data: { root: p.root, tags: p.tags ?? [], targets: {}, ...(p.packageName ? { metadata: { js: { packageName: p.packageName } } } : {}) } },
      ]),
    ),
    externalNodes: Object.fromEntries(npmPackages.map((n) => [`npm:${n}`, { name: `npm:${n}`, type: 'npm', data: { packageName: n, version: '1.0.0' } }])),
    dependencies: Object.fromEntries(projects.map((p) => [p.name, (p.dependsOn ?? []).map((target) => ({ source: p.name, target, type: 'static' }))])),
  };
  return ['.nx/workspace-data/project-graph.json', JSON.stringify(graph)];
}

/**
 * Every per-process cache of the rules emptied, and freshness rechecked on every lint: the specs
 * change files and lint again at once. (stat-cache.spec.ts covers the throttled default.)
 */
export function resetAllCaches(): void {
  resetCaches();
  setRecheckInterval(0);
}
