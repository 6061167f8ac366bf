import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';

/*
 * The root tsconfig's `paths`, read the way Nx's TargetProjectLocator reads them
 * (tsconfig.base.json, else tsconfig.json; comments allowed) and looked up as TypeScript does.
 */

export interface PathAlias {
  prefix: string;
  suffix: string;
  wildcard: boolean;
  /** Workspace-relative target of the first mapping, with `*` kept. */
  target: string;
}

/** compilerOptions.paths of the root tsconfig, as Nx's TargetProjectLocator reads them (tsconfig.base.json, else tsconfig.json). */
export function readPathAliases(workspaceRoot: string): PathAlias[] {
  for (const name of ['tsconfig.base.json', 'tsconfig.json']) {
    let text: string;
    try {
      text = readFileSync(join(workspaceRoot, name), 'utf8');
    } catch {
      continue;
    }
    const options = (parseJsonc(text) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined)?.compilerOptions;
    const baseUrl = posix.normalize(options?.baseUrl ?? '.');
    const aliases: PathAlias[] = [];
    for (const [pattern, targets] of Object.entries(options?.paths ?? {})) {
      if (!Array.isArray(targets) || typeof targets[0] !== 'string') continue;
      const star = pattern.indexOf('*');
      aliases.push({
        prefix: star < 0 ? pattern : pattern.slice(0, star),
        suffix: star < 0 ? '' : pattern.slice(star + 1),
        wildcard: star >= 0,
        target: posix.join(baseUrl, targets[0]),
      });
    }
    // TypeScript picks the longest matching prefix.
    return aliases.sort((a, b) => b.prefix.length - a.prefix.length);
  }
  return [];
}

export interface AliasTable {
  /** `@acme/billing` -> its target (most Nx aliases are exact). */
  exact: Map<string, string>;
  /** `@acme/ui/*` style patterns, longest prefix first. */
  wildcards: PathAlias[];
}

export function aliasTable(aliases: PathAlias[]): AliasTable {
  return {
    exact: new Map(aliases.filter((a) => !a.wildcard).map((a) => [a.prefix, a.target])),
    wildcards: aliases.filter((a) => a.wildcard),
  };
}

/** TypeScript's `paths` lookup: an exact pattern wins, then the wildcard with the longest prefix. */
export function resolveAlias(table: AliasTable, specifier: string): string | null {
  const exact = table.exact.get(specifier);
  if (exact !== undefined) return exact;
  for (const alias of table.wildcards) {
    if (specifier.startsWith(alias.prefix) && specifier.endsWith(alias.suffix) && specifier.length >= alias.prefix.length + alias.suffix.length) {
      return alias.target.replace('*', specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length));
    }
  }
  return null;
}
