import picomatch from 'picomatch';

/*
 * Pattern matching with the meaning @nx/enforce-module-boundaries gives tags and external
 * imports, so a constraint moved from .eslintrc into an ADR keeps its meaning:
 *   `*`        matches every project (even one without tags)
 *   `/re/`     a regular expression tested against each tag (unanchored, as in Nx)
 *   `a*b`      a wildcard pattern: `*` stands for any characters, `/` and `:` included
 *   otherwise  the exact tag
 * Unlike Nx we escape the other regex characters of a wildcard pattern, so `type:ui.lib`
 * means the literal dot.
 */

const compiled = new Map<string, RegExp | Error>();

function compile(key: string, make: () => RegExp): RegExp | Error {
  let re = compiled.get(key);
  if (re === undefined) {
    try {
      re = make();
    } catch (error) {
      re = error as Error;
    }
    compiled.set(key, re);
  }
  return re;
}

export function isRegexPattern(pattern: string): boolean {
  return pattern.length >= 2 && pattern.startsWith('/') && pattern.endsWith('/');
}

/** `*`-wildcard pattern to an anchored RegExp (`*` and `**` both match any characters). */
export function wildcardToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/\*+/)
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

function tagMatcher(pattern: string): RegExp | Error | null {
  if (pattern === '*') return null;
  if (isRegexPattern(pattern)) return compile(`re:${pattern}`, () => new RegExp(pattern.slice(1, -1)));
  if (pattern.includes('*')) return compile(`wc:${pattern}`, () => wildcardToRegExp(pattern));
  return null;
}

/** Why a tag pattern cannot be used, or null when it is fine. */
export function tagPatternProblem(pattern: string): string | null {
  const m = tagMatcher(pattern);
  return m instanceof Error ? `"${pattern}" is not a valid regular expression (${m.message})` : null;
}

/** Whether a project with `tags` carries a tag matching `pattern`. An invalid pattern matches nothing. */
export function hasTag(tags: readonly string[] | undefined, pattern: string): boolean {
  if (pattern === '*') return true;
  const m = tagMatcher(pattern);
  if (m instanceof Error) return false;
  if (m === null) return (tags ?? []).includes(pattern);
  return (tags ?? []).some((t) => m.test(t));
}

export function hasAnyTag(tags: readonly string[] | undefined, patterns: readonly string[]): boolean {
  return patterns.some((p) => hasTag(tags, p));
}

/** Nx's `bannedExternalImports`/`allowedExternalImports` wildcard match on an import specifier. */
export function matchesExternalImportPattern(pattern: string, specifier: string): boolean {
  const m = compile(`wc:${pattern}`, () => wildcardToRegExp(pattern));
  return !(m instanceof Error) && m.test(specifier);
}

// Wildcards, classes, braces and extglobs: `@scope/name` is a plain name, `@(a|b)` a glob.
const GLOB_SYNTAX = /[*?[\]{}]|[!@+]\(/;

/** Whether a module specifier pattern is a glob (as opposed to a package name or path). */
export function isGlob(pattern: string): boolean {
  return GLOB_SYNTAX.test(pattern);
}

const globs = new Map<string, ((s: string) => boolean) | Error>();

/** A picomatch matcher for file globs and specifier globs (cached), or the Error it raised. */
export function globMatcher(pattern: string): ((s: string) => boolean) | Error {
  let m = globs.get(pattern);
  if (m === undefined) {
    try {
      m = picomatch(pattern, { dot: true });
      // picomatch builds its RegExp lazily for some inputs: force it now so errors surface here.
      picomatch.makeRe(pattern, { dot: true });
    } catch (error) {
      m = error as Error;
    }
    globs.set(pattern, m);
  }
  return m;
}

export function globProblem(pattern: string): string | null {
  const m = globMatcher(pattern);
  return m instanceof Error ? `"${pattern}" is not a valid glob (${m.message})` : null;
}
