import type { BannedImport } from '../adr/types';
import { globMatcher, isGlob } from './patterns';

/**
 * The npm package a module specifier imports: `winston/lib/x` -> `winston`,
 * `@fx/logger/sub` -> `@fx/logger`, `node:fs` -> `fs`. Null for relative and absolute paths.
 */
export function packageNameOf(specifier: string): string | null {
  const s = specifier.replace(/^node:/, '');
  if (!s || s.startsWith('.') || s.startsWith('/') || /^[a-z]:[\\/]/i.test(s)) return null;
  const parts = s.split('/');
  if (s.startsWith('@')) return parts.length >= 2 && parts[1] ? `${parts[0]}/${parts[1]}` : null;
  return parts[0] || null;
}

/**
 * Whether `specifier` is banned by `entry`. A name bans the package and its deep imports
 * (`winston` bans `winston/lib/x`; `lodash/fp` bans `lodash/fp/x` but not `lodash`). A glob is
 * matched against the specifier and against its package name (`@aws-sdk/*` bans
 * `@aws-sdk/client-s3/dist/x`). `node:fs` and `fs` are the same module.
 */
export function matchesBannedImport(specifier: string, entry: Pick<BannedImport, 'name'>): boolean {
  const name = entry.name.replace(/^node:/, '');
  const spec = specifier.replace(/^node:/, '');
  if (!name || !spec) return false;
  if (isGlob(name)) {
    const match = globMatcher(name);
    if (match instanceof Error) return false;
    if (match(spec)) return true;
    const pkg = packageNameOf(spec);
    return pkg !== null && pkg !== spec && match(pkg);
  }
  return spec === name || spec.startsWith(`${name}/`);
}

/** The first banned-import entry that bans `specifier`, or undefined. */
export function findBannedImport<T extends Pick<BannedImport, 'name'>>(specifier: string, entries: readonly T[]): T | undefined {
  return entries.find((e) => matchesBannedImport(specifier, e));
}
