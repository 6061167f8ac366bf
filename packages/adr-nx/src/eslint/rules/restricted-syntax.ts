import type { TSESTree } from '@typescript-eslint/utils';
import esquery from 'esquery';
import type { Diagnostic } from '../../adr/types';
import { globMatcher, type Policy, type RestrictedSyntaxRule } from '../../policy';
import { citeAdr } from '../utils/cite';
import { createRule } from '../utils/create-rule';
import { BROKEN_ENFORCEMENT_MESSAGE, enforced, lintStateFor, problemListener } from '../utils/lint-state';
import { mergeListeners } from '../utils/merge-listeners';

const selectorErrors = new Map<string, string | null>();

/**
 * Why ESLint would reject `selector`, or null. ESLint parses listener keys with esquery and
 * throws on a bad one, which would stop the whole lint run: check first, with the same parser.
 */
export function selectorProblem(selector: string): string | null {
  let problem = selectorErrors.get(selector);
  if (problem === undefined) {
    try {
      esquery.parse(selector.replace(/:exit$/, ''));
      problem = null;
    } catch (error) {
      problem = ((error as Error).message || String(error)).split('\n')[0];
    }
    selectorErrors.set(selector, problem);
  }
  return problem;
}

interface CheckedSyntax {
  entries: RestrictedSyntaxRule[];
  /** Bad selectors of accepted ADRs, and of accepted and proposed ones (for `preview`). */
  problems: Diagnostic[];
  previewProblems: Diagnostic[];
}

const checked = new WeakMap<Policy, CheckedSyntax>();

/** The policy's restrictedSyntax entries split into usable ones and problems naming the ADR (once per policy). */
function checkSyntax(policy: Policy): CheckedSyntax {
  let result = checked.get(policy);
  if (!result) {
    result = { entries: [], problems: [], previewProblems: [] };
    for (const entry of policy.restrictedSyntax) {
      const parseError = selectorProblem(entry.selector);
      if (parseError === null) {
        result.entries.push(entry);
        continue;
      }
      const problem: Diagnostic = {
        file: entry.adr.path,
        line: entry.line,
        column: entry.column,
        severity: entry.preview ? 'warning' : 'error',
        code: 'enforcement/selector',
        message: `${entry.adr.id}: restrictedSyntax selector "${entry.selector}" is not a valid ESLint selector (${parseError}); this entry is not enforced`,
        hint: "Write an AST selector such as CallExpression[callee.object.name='console'] (https://eslint.org/docs/latest/extend/selectors).",
      };
      result.previewProblems.push(problem);
      if (!entry.preview) result.problems.push(problem);
    }
    checked.set(policy, result);
  }
  return result;
}

/** Whether an entry applies to a workspace-relative file: no `files` means every file. */
function appliesTo(entry: RestrictedSyntaxRule, file: string): boolean {
  if (!entry.files || entry.files.length === 0) return true;
  return entry.files.some((glob) => {
    const match = globMatcher(glob);
    return !(match instanceof Error) && match(file);
  });
}

export default createRule({
  name: 'restricted-syntax',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow the syntax accepted ADRs restrict (`enforcement.restrictedSyntax`), in the files each entry names' },
    messages: {
      restricted: '{{what}}: restricted by {{adr}}.{{preview}}',
      brokenEnforcement: BROKEN_ENFORCEMENT_MESSAGE,
    },
  },
  create(context, options) {
    const state = lintStateFor(context, options);
    if (!state.active) return {};
    const syntax = checkSyntax(state.policy);
    const problems = problemListener(context, [...state.problems, ...(options.preview ? syntax.previewProblems : syntax.problems)]);
    const entries = enforced(syntax.entries, options).filter((entry) => appliesTo(entry, state.file));
    if (entries.length === 0) return problems;

    const listeners = entries.map((entry) => ({
      [entry.selector]: (node: TSESTree.Node) =>
        context.report({
          node,
          messageId: 'restricted',
          data: {
            what: entry.message?.replace(/[.\s]+$/, '') ?? `Code matching "${entry.selector}" is not allowed here`,
            adr: citeAdr(entry.adr, options.adrBaseUrl),
            preview: entry.preview ? ` (preview: ${entry.adr.id} is proposed)` : '',
          },
        }),
    }));
    return mergeListeners(problems, ...listeners);
  },
});
