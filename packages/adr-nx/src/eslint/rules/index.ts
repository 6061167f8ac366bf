import moduleBoundaries from './module-boundaries';
import noBannedImports from './no-banned-imports';
import restrictedSyntax from './restricted-syntax';
import validAdrReference from './valid-adr-reference';

/** Every rule of the plugin, by the name users write after `@fx/adr-nx/`. */
export const rules = {
  'module-boundaries': moduleBoundaries,
  'no-banned-imports': noBannedImports,
  'restricted-syntax': restrictedSyntax,
  'valid-adr-reference': validAdrReference,
};

export type RuleName = keyof typeof rules;
