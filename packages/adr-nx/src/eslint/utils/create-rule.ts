import type { TSESLint } from '@typescript-eslint/utils';
import { adrRuleOptionsSchema, resolveOptions, type AdrRuleOptions } from './options';

export type AdrRuleContext<MessageIds extends string> = Readonly<TSESLint.RuleContext<MessageIds, [AdrRuleOptions?]>>;

export interface AdrRuleSpec<MessageIds extends string> {
  name: string;
  meta: {
    type: 'problem' | 'suggestion';
    docs: { description: string };
    messages: Record<MessageIds, string>;
    hasSuggestions?: boolean;
  };
  create(context: AdrRuleContext<MessageIds>, options: AdrRuleOptions): TSESLint.RuleListener;
}

export type AdrRule<MessageIds extends string = string> = TSESLint.RuleModule<MessageIds, [AdrRuleOptions?]> & { name: string };

/**
 * typescript-eslint's rule shape (one rule per file, typed messages) without a runtime dependency
 * on @typescript-eslint/utils: every rule takes the same options object, merged over
 * `settings['@fx/adr-nx']`, so `adrBaseUrl` can be set once for all rules.
 */
export function createRule<MessageIds extends string>(spec: AdrRuleSpec<MessageIds>): AdrRule<MessageIds> {
  return {
    name: spec.name,
    meta: { ...spec.meta, schema: [adrRuleOptionsSchema] },
    create: (context) => spec.create(context, resolveOptions(context.options[0], context.settings as Record<string, unknown>)),
  };
}
