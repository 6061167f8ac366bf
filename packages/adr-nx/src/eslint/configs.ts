/** The rules, by the name users write after `@fx/adr-nx/`. */
export const RULE_NAMES = ['no-banned-imports', 'module-boundaries', 'restricted-syntax', 'valid-adr-reference'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** The prefix users write before rule names, in flat and eslintrc configs alike. */
export const PLUGIN_PREFIX = '@fx/adr-nx';

/**
 * Severities of the recommended configs. valid-adr-reference warns: citing an outdated ADR is a
 * reason to update the comment, not to fail the build (ESLint has one severity per rule, so an
 * unknown ADR id warns too).
 */
export const recommendedSeverities: Record<RuleName, 'error' | 'warn'> = {
  'no-banned-imports': 'error',
  'module-boundaries': 'error',
  'restricted-syntax': 'error',
  'valid-adr-reference': 'warn',
};

export function recommendedRules(): Record<string, 'error' | 'warn'> {
  return Object.fromEntries(Object.entries(recommendedSeverities).map(([rule, severity]) => [`${PLUGIN_PREFIX}/${rule}`, severity]));
}

/** Files the flat config applies to: every JS/TS flavour ESLint parses. */
export const LINTED_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
