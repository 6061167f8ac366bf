import moduleBoundaries from './module-boundaries';
import noBannedImports from './no-banned-imports';
import restrictedSyntax from './restricted-syntax';
import validAdrReference from './valid-adr-reference';

import type { RuleName } from '../configs';
import type { AdrRule } from '../utils/create-rule';

/** Every rule of the plugin, by the name users write after `@fx/adr-nx/`. */
export const rules: Record<RuleName, AdrRule> = {
  'module-boundaries': moduleBoundaries,
  'no-banned-imports': noBannedImports,
  'restricted-syntax': restrictedSyntax,
  'valid-adr-reference': validAdrReference,
};
