import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readAdrDirectory } from '../adr/directory';
import { diskSource } from '../adr/file-source';
import { isAdrCandidate } from '../adr/naming';
import { buildPolicy, type BuildPolicyOptions } from './build-policy';
import type { Policy } from './types';

interface CacheEntry {
  signature: string;
  policy: Policy;
}

const cache = new Map<string, CacheEntry>();

/** Name, mtime and size of every ADR file: changes whenever an ADR is added, removed or edited. */
export function directorySignature(workspaceRoot: string, adrDirectory: string): string {
  const dir = join(workspaceRoot, adrDirectory);
  let names: string[];
  try {
    names = readdirSync(dir).filter(isAdrCandidate).sort();
  } catch {
    return 'missing';
  }
  return names
    .map((name) => {
      try {
        const st = statSync(join(dir, name));
        return `${name}:${st.mtimeMs}:${st.size}`;
      } catch {
        return `${name}:?`;
      }
    })
    .join('\n');
}

// An ADR without the word "enforcement" contributes nothing to the policy: do not parse it.
const mayEnforce = (text: string) => text.includes('enforcement');

/**
 * The policy of the ADRs in `adrDirectory`, read once per process and read again only when an
 * ADR file changes (so ESLint rules can call it for every linted file). Never throws: a missing
 * folder or unreadable file is a problem in `policy.problems`.
 */
export function loadPolicy(workspaceRoot: string, adrDirectory: string, options: BuildPolicyOptions = {}): Policy {
  const key = `${workspaceRoot}\0${adrDirectory}\0${options.includeProposed ? 1 : 0}`;
  const signature = directorySignature(workspaceRoot, adrDirectory);
  const hit = cache.get(key);
  if (hit && hit.signature === signature) return hit.policy;
  const read = readAdrDirectory(diskSource(workspaceRoot), adrDirectory, { select: mayEnforce });
  const policy = buildPolicy(read.adrs, options);
  policy.problems.unshift(...read.diagnostics);
  cache.set(key, { signature, policy });
  return policy;
}

/** Forgets every loaded policy (tests, long-lived processes that know the files changed). */
export function clearPolicyCache(): void {
  cache.clear();
}
