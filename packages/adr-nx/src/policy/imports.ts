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
  const spec = specifier.replace(/^node:/, '');
  return spec !== '' && bannedImportMatcher(entry.name)(spec);
}

const matchers = new Map<string, (specifier: string) => boolean>();

/** One compiled test per banned name (cached): ESLint and adr-check ask it for every import. */
function bannedImportMatcher(rawName: string): (specifier: string) => boolean {
  let test = matchers.get(rawName);
  if (!test) {
    const name = rawName.replace(/^node:/, '');
    if (!name) test = () => false;
    else if (isGlob(name)) {
      const match = globMatcher(name);
      test =
        match instanceof Error
          ? () => false
          : (spec) => {
              if (match(spec)) return true;
              const pkg = packageNameOf(spec);
              return pkg !== null && pkg !== spec && match(pkg);
            };
    } else {
      const prefix = `${name}/`;
      test = (spec) => spec === name || spec.startsWith(prefix);
    }
    matchers.set(rawName, test);
  }
  return test;
}

interface BannedImportIndex<T> {
  byName: Map<string, T[]>;
  globs: T[];
}

const indexes = new WeakMap<readonly Pick<BannedImport, 'name'>[], BannedImportIndex<never>>();

function indexOf<T extends Pick<BannedImport, 'name'>>(entries: readonly T[]): BannedImportIndex<T> {
  let index = indexes.get(entries) as BannedImportIndex<T> | undefined;
  if (!index) {
    index = { byName: new Map(), globs: [] };
    for (const entry of entries) {
      const name = entry.name.replace(/^node:/, '');
      if (isGlob(name)) index.globs.push(entry);
      else index.byName.set(name, [...(index.byName.get(name) ?? []), entry]);
    }
    indexes.set(entries, index as BannedImportIndex<never>);
  }
  return index;
}

/**
 * Every entry that bans `specifier`, in the order given. Indexed per entry list (a policy's
 * list is never mutated), so the cost per import does not grow with the number of ADRs.
 */
export function findBannedImports<T extends Pick<BannedImport, 'name'>>(specifier: string, entries: readonly T[]): T[] {
  const spec = specifier.replace(/^node:/, '');
  if (!spec) return [];
  const index = indexOf(entries);
  const found = new Set<T>();
  // A name bans itself and everything below it: look up `a`, `a/b`, `a/b/c` for `a/b/c`.
  for (let end = spec.indexOf('/'); ; end = spec.indexOf('/', end + 1)) {
    for (const entry of index.byName.get(end < 0 ? spec : spec.slice(0, end)) ?? []) found.add(entry);
    if (end < 0) break;
  }
  for (const entry of index.globs) if (matchesBannedImport(spec, entry)) found.add(entry);
  return entries.filter((e) => found.has(e));
}

/** The first banned-import entry that bans `specifier`, or undefined. */
export function findBannedImport<T extends Pick<BannedImport, 'name'>>(specifier: string, entries: readonly T[]): T | undefined {
  return findBannedImports(specifier, entries)[0];
}
