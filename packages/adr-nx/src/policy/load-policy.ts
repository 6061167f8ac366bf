import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readAdrDirectory, type AdrDirectory } from '../adr/directory';
import { diskSource, fileStamp } from '../adr/file-source';
import { isAdrCandidate } from '../adr/naming';
import { buildPolicy, type BuildPolicyOptions } from './build-policy';
import type { Policy } from './types';

interface CacheEntry {
  signature: string;
  policy: Policy;
  checkedAt: number;
}

export interface LoadPolicyOptions extends BuildPolicyOptions {
  /**
   * How long a loaded policy is trusted before the ADR files are looked at again (default
   * 1000 ms; 0 = every call). Looking costs a stat per ADR, too much for every linted file.
   */
  revalidateAfterMs?: number;
}

const cache = new Map<string, CacheEntry>();
const cacheKey = (workspaceRoot: string, adrDirectory: string, options: BuildPolicyOptions) => `${workspaceRoot}\0${adrDirectory}\0${options.includeProposed ? 1 : 0}`;

/** Name, mtime and size of every ADR file: changes whenever an ADR is added, removed or edited. */
export function directorySignature(workspaceRoot: string, adrDirectory: string): string {
  const dir = join(workspaceRoot, adrDirectory);
  // The same listing readAdrDirectory reads, so the signatures of both agree.
  const listed = diskSource(workspaceRoot).list(adrDirectory);
  if (listed === null) return 'missing';
  return listed
    .filter(isAdrCandidate)
    .sort()
    .map((name): [string, string] => {
      try {
        return [name, fileStamp(statSync(join(dir, name)))];
      } catch {
        return [name, '?'];
      }
    })
    .reduce(signatureOf, '');
}

/** Appends one file to a folder signature; both signature builders go through here so they agree. */
function signatureOf(signature: string, [name, stamp]: [string, string]): string {
  return `${signature ? `${signature}\n` : ''}${name}:${stamp}`;
}

// An ADR without the word "enforcement" contributes nothing to the policy: do not parse it.
const mayEnforce = (text: string) => text.includes('enforcement');

/**
 * The policy of the ADRs in `adrDirectory`, read once per process and read again only when an
 * ADR file changes (name, mtime or size; looked at most every `revalidateAfterMs`), so ESLint
 * rules can call it for every linted file. Never throws: a missing folder or unreadable file is
 * a problem in `policy.problems`.
 */
export function loadPolicy(workspaceRoot: string, adrDirectory: string, options: LoadPolicyOptions = {}): Policy {
  const now = Date.now();
  const hit = cache.get(cacheKey(workspaceRoot, adrDirectory, options));
  if (hit && now - hit.checkedAt < (options.revalidateAfterMs ?? 1000)) return hit.policy;
  if (hit) {
    if (hit.signature === directorySignature(workspaceRoot, adrDirectory)) {
      hit.checkedAt = now;
      return hit.policy;
    }
  }
  return rememberPolicy(workspaceRoot, readAdrDirectory(diskSource(workspaceRoot), adrDirectory, { select: mayEnforce }), options);
}

/**
 * Builds the policy of an ADR folder read from disk and keeps it for `loadPolicy` (so a process
 * that has just read every ADR, like the documents check, does not read them again).
 */
export function rememberPolicy(workspaceRoot: string, read: AdrDirectory, options: BuildPolicyOptions = {}): Policy {
  const policy = buildPolicy(read.adrs, options);
  policy.problems.unshift(...read.diagnostics);
  // The stamps taken while reading make the signature: no second pass over the files.
  const signature = read.exists ? [...read.stamps].reduce(signatureOf, '') : 'missing';
  cache.set(cacheKey(workspaceRoot, read.dir, options), { signature, policy, checkedAt: Date.now() });
  return policy;
}

/** Forgets every loaded policy (tests, long-lived processes that know the files changed). */
export function clearPolicyCache(): void {
  cache.clear();
}
