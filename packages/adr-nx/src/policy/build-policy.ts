import { frontMatterPosition } from '../adr/locate';
import type { AdrDocument, Diagnostic, Enforcement } from '../adr/types';
import { globProblem, tagPatternProblem } from './patterns';
import { emptyPolicy, type Policy, type PolicyOrigin, type PolicySource } from './types';

export interface BuildPolicyOptions {
  /** Also collect the enforcement of proposed ADRs, marked `preview: true` (default false). */
  includeProposed?: boolean;
}

// Front-matter problems that leave the enforcement block unread.
const UNREADABLE_FRONT_MATTER = new Set(['front-matter/yaml', 'front-matter/not-a-map', 'front-matter/unclosed', 'file/binary']);

const ENFORCEMENT_KEYS = new Set(['bannedImports', 'dependencyConstraints', 'restrictedSyntax', 'requiredTags', 'requiredTargets']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/**
 * Turns ADRs into one policy: accepted ADRs are enforced; proposed ones are previewed when
 * asked; rejected, deprecated and superseded ones are ignored. Never throws: entries that cannot
 * be used (malformed, bad regex or glob) are left out and reported in `problems` with the ADR
 * file and line. Shape errors are also reported by the schema check of the ADR itself.
 */
export function buildPolicy(adrs: readonly AdrDocument[], options: BuildPolicyOptions = {}): Policy {
  const policy = emptyPolicy();
  for (const adr of adrs) {
    const status = adr.status;
    if (status !== 'accepted' && !(status === 'proposed' && options.includeProposed)) {
      if (status === null) reportUnreadEnforcement(adr, policy.problems);
      continue;
    }
    const enforcement = adr.frontMatter.enforcement as Enforcement | undefined;
    if (!isObject(enforcement)) continue;
    const source: PolicySource = { id: adr.id, number: adr.number, title: adr.title ?? adr.fileName, path: adr.path, status };
    const preview = status === 'proposed';
    const locate = (path: Array<string | number>) => frontMatterPosition(adr, path);
    const origin = (path: Array<string | number>): PolicyOrigin => withLazyPosition({ adr: source, preview }, () => locate(['enforcement', ...path]));
    const problem = (path: Array<string | number>, message: string, hint: string) => {
      const at = locate(['enforcement', ...path]);
      policy.problems.push({ file: adr.path, ...at, severity: preview ? 'warning' : 'error', code: 'enforcement/pattern', message: `${adr.id}: ${message}; this entry is not enforced`, hint });
    };
    const badTags = (path: Array<string | number>, patterns: string[]): boolean => {
      const bad = patterns.map(tagPatternProblem).find((p) => p !== null);
      if (bad) problem(path, `tag pattern ${bad}`, 'Write a tag, `*`, a wildcard such as `scope:*`, or a regular expression between slashes, e.g. `/^scope:/`.');
      return Boolean(bad);
    };
    const badGlobs = (path: Array<string | number>, patterns: string[]): boolean => {
      const bad = patterns.map(globProblem).find((p) => p !== null);
      if (bad) problem(path, `glob ${bad}`, 'Write a package name or a glob such as `@aws-sdk/*` or `apps/*-lambda/**`.');
      return Boolean(bad);
    };

    // An unknown key (a typo such as `bannedImport`) would otherwise enforce nothing, silently.
    for (const key of Object.keys(enforcement)) {
      if (!ENFORCEMENT_KEYS.has(key)) problem([key], `unknown enforcement key "${key}"`, `Use ${[...ENFORCEMENT_KEYS].join(', ')}.`);
    }

    list(enforcement.bannedImports).forEach((entry, i) => {
      if (!isObject(entry) || !isString(entry.name) || badGlobs(['bannedImports', i, 'name'], [entry.name])) return;
      policy.bannedImports.push(
        Object.assign(origin(['bannedImports', i]), {
          name: entry.name,
          ...(isString(entry.use) ? { use: entry.use } : {}),
          ...(isString(entry.message) ? { message: entry.message } : {}),
        }),
      );
    });

    list(enforcement.dependencyConstraints).forEach((entry, i) => {
      if (!isObject(entry)) return;
      const { sourceTag, allSourceTags, onlyDependOnLibsWithTags: only, notDependOnLibsWithTags: not, allowedExternalImports: allowed, bannedExternalImports: banned } = entry;
      // Exactly one of sourceTag / allSourceTags, as the schema says.
      const bySource = isString(sourceTag);
      const byAll = isStringList(allSourceTags) && allSourceTags.length > 0;
      if (bySource === byAll || (sourceTag !== undefined && !bySource) || (allSourceTags !== undefined && !byAll)) return;
      for (const optional of [only, not, allowed, banned]) if (optional !== undefined && !isStringList(optional)) return;
      const tagLists: Array<[string, string[]]> = [
        ['sourceTag', isString(sourceTag) ? [sourceTag] : []],
        ['allSourceTags', (allSourceTags as string[] | undefined) ?? []],
        ['onlyDependOnLibsWithTags', (only as string[] | undefined) ?? []],
        ['notDependOnLibsWithTags', (not as string[] | undefined) ?? []],
      ];
      if (tagLists.some(([key, tags]) => tags.length > 0 && badTags(['dependencyConstraints', i, key], tags))) return;
      policy.dependencyConstraints.push(
        Object.assign(origin(['dependencyConstraints', i]), {
          ...(isString(sourceTag) ? { sourceTag } : { allSourceTags: allSourceTags as string[] }),
          ...(only !== undefined ? { onlyDependOnLibsWithTags: only as string[] } : {}),
          ...(not !== undefined ? { notDependOnLibsWithTags: not as string[] } : {}),
          ...(allowed !== undefined ? { allowedExternalImports: allowed as string[] } : {}),
          ...(banned !== undefined ? { bannedExternalImports: banned as string[] } : {}),
        }),
      );
    });

    list(enforcement.restrictedSyntax).forEach((entry, i) => {
      if (!isObject(entry) || !isString(entry.selector)) return;
      if (entry.files !== undefined && (!isStringList(entry.files) || badGlobs(['restrictedSyntax', i, 'files'], entry.files))) return;
      policy.restrictedSyntax.push(
        Object.assign(origin(['restrictedSyntax', i]), {
          selector: entry.selector,
          ...(isString(entry.message) ? { message: entry.message } : {}),
          ...(entry.files ? { files: entry.files as string[] } : {}),
        }),
      );
    });

    list(enforcement.requiredTags).forEach((pattern, i) => {
      if (!isString(pattern) || badTags(['requiredTags', i], [pattern])) return;
      policy.requiredTags.push(Object.assign(origin(['requiredTags', i]), { pattern }));
    });

    list(enforcement.requiredTargets).forEach((target, i) => {
      if (!isString(target)) return;
      policy.requiredTargets.push(Object.assign(origin(['requiredTargets', i]), { target }));
    });
  }
  return policy;
}

/**
 * `line` and `column` found only when read: finding them parses the YAML again with positions,
 * which most runs (no violation to cite) never need. They are plain enumerable properties to
 * every reader.
 */
function withLazyPosition(origin: Omit<PolicyOrigin, 'line' | 'column'>, find: () => { line: number; column: number }): PolicyOrigin {
  let position: { line: number; column: number } | undefined;
  const at = () => (position ??= find());
  return Object.defineProperties(origin, {
    line: { enumerable: true, configurable: true, get: () => at().line },
    column: { enumerable: true, configurable: true, get: () => at().column },
  }) as PolicyOrigin;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An ADR whose front-matter could not be read may hold enforcement nobody applies: say so. */
function reportUnreadEnforcement(adr: AdrDocument, problems: Diagnostic[]): void {
  const broken = adr.diagnostics.find((d) => UNREADABLE_FRONT_MATTER.has(d.code));
  if (!broken || !/^\s*enforcement\s*:/m.test(adr.frontMatterText || adr.body.slice(0, 4000))) return;
  problems.push({
    file: adr.path,
    line: broken.line,
    column: broken.column,
    severity: 'error',
    code: 'enforcement/unread',
    message: `${adr.id}: the front-matter cannot be read, so its enforcement is not applied`,
    hint: broken.hint ?? 'Fix the front-matter so the ADR can be read.',
  });
}
