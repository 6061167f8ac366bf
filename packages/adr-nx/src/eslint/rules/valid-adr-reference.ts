import type { TSESTree } from '@typescript-eslint/utils';
import type { AdrDocument } from '../../adr/types';
import { formatAdrId } from '../../adr/types';
import { citeAdr } from '../utils/cite';
import { sourceCodeOf } from '../utils/context';
import { createRule } from '../utils/create-rule';
import { adrIndexOf, BROKEN_ENFORCEMENT_MESSAGE, lintStateFor, problemListener, type AdrIndex } from '../utils/lint-state';
import { mergeListeners } from '../utils/merge-listeners';

/** `ADR-0007` (also `ADR-7`) in a comment. */
const CITATION = /\bADR-(\d{1,4})\b/g;

function statusOf(adr: AdrDocument): string {
  return (adr.status ?? '').trim().toLowerCase();
}

/** The ADR that replaced `adr`: its `superseded-by`, else one whose `supersedes` lists it, followed to the current one. */
export function successorOf(adr: AdrDocument, index: AdrIndex): AdrDocument | null {
  let current = adr;
  const seen = new Set<AdrDocument>([adr]);
  for (;;) {
    const declared = current.frontMatter['superseded-by'];
    const fromStatus = /superseded by \D*(\d{1,4})/i.exec(current.status ?? '')?.[1];
    const number = typeof declared === 'number' ? declared : fromStatus ? Number(fromStatus) : null;
    const next =
      (number !== null ? index.byNumber.get(number) : undefined) ??
      index.adrs.find((a) => current.number !== null && Array.isArray(a.frontMatter.supersedes) && a.frontMatter.supersedes.includes(current.number));
    if (!next || seen.has(next)) return current === adr ? null : current;
    seen.add(next);
    if (!statusOf(next).startsWith('superseded')) return next;
    current = next;
  }
}

export default createRule({
  name: 'valid-adr-reference',
  meta: {
    type: 'suggestion',
    docs: { description: 'Require ADR citations in comments (`ADR-0007`) to name an existing ADR that is still in force' },
    hasSuggestions: true,
    messages: {
      unknown: '{{id}} does not exist: there is no ADR numbered {{number}} in {{folder}}. Cite an existing ADR, or write this one with `nx g @fx/adr-nx:adr`.',
      superseded: '{{adr}} is superseded by {{successor}}. Cite {{successorId}} instead.',
      supersededNoSuccessor: '{{adr}} is superseded; its replacement is not recorded (set superseded-by in its front-matter).',
      deprecated: '{{adr}} is deprecated{{successor}}; the decision it records no longer applies.',
      citeSuccessor: 'Cite {{successorId}} instead',
      brokenEnforcement: BROKEN_ENFORCEMENT_MESSAGE,
    },
  },
  create(context, options) {
    const state = lintStateFor(context, options);
    if (!state.active) return {};
    const problems = problemListener(context, state.problems);
    const sourceCode = sourceCodeOf(context);
    // Most files cite no ADR: a substring search spares them the comment scan.
    if (!sourceCode.text.includes('ADR-')) return problems;
    const cite = (adr: AdrDocument) => citeAdr(adr, options.adrBaseUrl);
    return mergeListeners(problems, {
      Program() {
        let index: AdrIndex | undefined;
        for (const comment of sourceCode.getAllComments()) {
          // comment.value excludes the `//` or `/*` opener: two characters either way.
          const valueStart = comment.range[0] + 2;
          for (const match of comment.value.matchAll(CITATION)) {
            index ??= adrIndexOf(state);
            const number = Number(match[1]);
            const start = valueStart + (match.index ?? 0);
            const range: TSESTree.Range = [start, start + match[0].length];
            const loc = { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
            const adr = index.byNumber.get(number);
            if (!adr) {
              context.report({ loc, messageId: 'unknown', data: { id: formatAdrId(number), number, folder: state.adrDirectory } });
              continue;
            }
            const status = statusOf(adr);
            if (!status.startsWith('superseded') && status !== 'deprecated') continue;
            const successor = successorOf(adr, index);
            if (status === 'deprecated') {
              context.report({ loc, messageId: 'deprecated', data: { adr: cite(adr), successor: successor ? ` (see ${cite(successor)})` : '' } });
            } else if (!successor) {
              context.report({ loc, messageId: 'supersededNoSuccessor', data: { adr: cite(adr) } });
            } else {
              context.report({
                loc,
                messageId: 'superseded',
                data: { adr: cite(adr), successor: cite(successor), successorId: successor.id },
                suggest: [{ messageId: 'citeSuccessor', data: { successorId: successor.id }, fix: (fixer) => fixer.replaceTextRange(range, successor.id) }],
              });
            }
          }
        }
      },
    });
  },
});
