import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { adrDirectoryFrom } from '../../plugin-options';
import { StampedCache, statStamp } from './stat-cache';

const rootByDirectory = new Map<string, string | null>();

/** The nearest folder at or above `dir` holding nx.json (cached per folder: files share folders). */
function nxRootAbove(dir: string): string | null {
  const known = rootByDirectory.get(dir);
  if (known !== undefined) return known;
  let found: string | null;
  if (statStamp(join(dir, 'nx.json')) !== 'missing') found = dir;
  else {
    const parent = dirname(dir);
    found = parent === dir ? null : nxRootAbove(parent);
  }
  rootByDirectory.set(dir, found);
  return found;
}

/** The Nx workspace a linted file belongs to; ESLint's cwd when the file is in none (plain ESLint use). */
export function workspaceRootFor(filename: string, cwd: string): string {
  if (!filename.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(filename)) return nxRootAbove(cwd) ?? cwd;
  return nxRootAbove(dirname(filename)) ?? nxRootAbove(cwd) ?? cwd;
}

const nxJsonCache = new StampedCache<string>();

/** The plugin's `adrDirectory` from nx.json (default docs/adr), re-read only when nx.json changes. */
export function adrDirectoryOf(workspaceRoot: string): string {
  const path = join(workspaceRoot, 'nx.json');
  return nxJsonCache.get(path, statStamp(path), () => {
    try {
      return adrDirectoryFrom(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return adrDirectoryFrom(null);
    }
  });
}

/** Forget cached roots (tests create workspaces on the fly). */
export function resetWorkspaceCache(): void {
  rootByDirectory.clear();
  nxJsonCache.clear();
}

/** Workspace-relative path with `/` (`../x` when the file lies outside the workspace). */
export function workspaceRelative(workspaceRoot: string, file: string): string {
  // The common case, a file inside the workspace, without path.relative's normalization work.
  if (file.startsWith(workspaceRoot) && file[workspaceRoot.length] === '/' && !file.includes('\\')) return file.slice(workspaceRoot.length + 1);
  return posix.relative(workspaceRoot.split('\\').join('/'), file.split('\\').join('/')) || '.';
}
