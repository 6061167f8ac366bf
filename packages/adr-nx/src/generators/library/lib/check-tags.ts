import { hasTag, isRegexPattern } from '../../../policy/patterns';
import { citeAdr, type Policy, type PolicySource } from '../../../policy/types';

// Nx tags are free text, but a comma splits them on the command line and spaces break globs.
const VALID_TAG = /^[^\s,]+$/;

/** The part of a tag before its first `:` (`scope:payments` -> `scope`), or null. */
function dimensionOf(pattern: string): string | null {
  if (isRegexPattern(pattern)) return null;
  const i = pattern.indexOf(':');
  return i > 0 && !pattern.slice(0, i).includes('*') ? pattern.slice(0, i) : null;
}

/**
 * Why `tags` do not fit the accepted ADRs, one message per problem, each citing its ADR; empty
 * when they fit. Checked before anything is written:
 * - requiredTags: every pattern must be matched by a tag;
 * - dependencyConstraints: a tag in a dimension the constraints are written in (`scope:`,
 *   `type:`) must be one they name (as a source or as an allowed or banned dependency), or match
 *   one of their wildcards. A tag they never name sits outside every boundary they draw: a typo
 *   such as `scope:paymnts`, or a new scope that needs its constraints in an ADR first.
 */
export function tagViolations(tags: readonly string[], policy: Policy): string[] {
  const problems: string[] = [];
  for (const tag of tags) {
    if (!VALID_TAG.test(tag)) problems.push(`"${tag}" is not a tag: tags have no spaces or commas (--tags=scope:payments,type:data).`);
  }
  for (const rule of policy.requiredTags) {
    if (hasTag(tags, rule.pattern)) continue;
    problems.push(`no tag matches "${rule.pattern}", which ${citeAdr(rule.adr, rule.line)} requires of every project. Add one to --tags.`);
  }

  // Every tag pattern the constraints name, by dimension, with the ADRs that name them.
  const named = new Map<string, Map<string, PolicySource>>();
  const patterns: string[] = [];
  for (const c of policy.dependencyConstraints) {
    const all = [...(c.allSourceTags ?? (c.sourceTag ? [c.sourceTag] : [])), ...(c.onlyDependOnLibsWithTags ?? []), ...(c.notDependOnLibsWithTags ?? [])];
    for (const pattern of all) {
      if (pattern !== '*') patterns.push(pattern);
      const dim = dimensionOf(pattern);
      if (dim === null) continue;
      const known = named.get(dim) ?? new Map<string, PolicySource>();
      if (!known.has(pattern)) known.set(pattern, c.adr);
      named.set(dim, known);
    }
  }
  for (const tag of tags) {
    const dim = dimensionOf(tag);
    const known = dim === null ? undefined : named.get(dim);
    if (!known || patterns.some((p) => hasTag([tag], p))) continue;
    const adrs = [...new Map([...known.values()].map((a) => [a.id, a])).values()];
    problems.push(
      `"${tag}" is not a ${dim}: tag the dependency constraints of ${adrs.map((a) => citeAdr(a)).join(' and ')} know (${[...known.keys()].join(', ')}): the library would be outside their boundaries. Use one of those, or add "${tag}" to the constraints in an ADR first.`,
    );
  }
  return problems;
}
