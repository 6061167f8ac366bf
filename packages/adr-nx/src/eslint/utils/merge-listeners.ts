import type { TSESLint } from '@typescript-eslint/utils';

type Listener = (node: never) => void;

/** Several listener objects as one; handlers for the same selector all run, in order. */
export function mergeListeners(...all: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged = new Map<string, Listener[]>();
  for (const listeners of all) {
    for (const [selector, handler] of Object.entries(listeners)) {
      if (typeof handler !== 'function') continue;
      merged.set(selector, [...(merged.get(selector) ?? []), handler as Listener]);
    }
  }
  return Object.fromEntries(
    [...merged].map(([selector, handlers]) => [selector, handlers.length === 1 ? handlers[0] : (node: never) => handlers.forEach((h) => h(node))]),
  ) as TSESLint.RuleListener;
}
