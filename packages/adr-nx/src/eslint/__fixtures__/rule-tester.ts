import { RuleTester } from '@typescript-eslint/rule-tester';
import type { AdrRule } from '../utils/create-rule';
import type { AdrRuleOptions } from '../utils/options';

// espree ships no types; it is only handed to ESLint as a parser.
const espree: unknown = require('espree');

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- only its type is used, to instantiate run()'s generics
declare const tester: RuleTester;
type LanguageOptions = NonNullable<Parameters<typeof tester.run>[2]['valid'][number] extends infer C ? (C extends { languageOptions?: infer L } ? L : never) : never>;
type TestedRule<MessageIds extends string> = Parameters<typeof tester.run<MessageIds, [AdrRuleOptions?]>>[1];

/**
 * The rule as RuleTester types it. @typescript-eslint/rule-tester (latest 8.72) brings its own
 * copy of @typescript-eslint/utils, whose RuleModule type differs only by private members.
 */
export function tested<MessageIds extends string>(rule: AdrRule<MessageIds>): TestedRule<MessageIds> {
  return rule as unknown as TestedRule<MessageIds>;
}

export { RuleTester };

/**
 * Language options that lint a case as plain JavaScript with ESLint's default parser, espree
 * (RuleTester's types only describe parser options, but ESLint reads these at run time).
 */
export function plainJs(sourceType: 'module' | 'script' | 'commonjs' = 'module'): LanguageOptions {
  return { parser: espree, ecmaVersion: 'latest', sourceType } as LanguageOptions;
}
