import { findBannedImport, isGlob, type BannedImportRule } from '../../policy';
import { citeAdr } from '../utils/cite';
import { sourceCodeOf } from '../utils/context';
import { createRule } from '../utils/create-rule';
import { importListeners, respell } from '../utils/import-references';
import { BROKEN_ENFORCEMENT_MESSAGE, enforced, lintStateFor, problemListener } from '../utils/lint-state';

/**
 * The specifier with the banned package swapped for `use`: `winston` -> `@fx/logger`, and for a
 * banned package name also its deep imports (`moment/locale/de` -> `dayjs/locale/de`). A glob
 * ban names no single package to swap, so the whole specifier becomes `use`.
 */
export function replacementFor(specifier: string, bannedName: string, use: string): string {
  if (!isGlob(bannedName) && specifier.startsWith(`${bannedName}/`)) return `${use}${specifier.slice(bannedName.length)}`;
  return use;
}

// Which entry bans a specifier, per list of bans (one list per policy and preview setting):
// a workspace imports the same few hundred specifiers from thousands of files.
const verdicts = new WeakMap<readonly BannedImportRule[], Map<string, BannedImportRule | null>>();

function verdictsFor(bans: readonly BannedImportRule[]): Map<string, BannedImportRule | null> {
  let known = verdicts.get(bans);
  if (!known) verdicts.set(bans, (known = new Map()));
  return known;
}

export default createRule({
  name: 'no-banned-imports',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow importing packages that an accepted ADR bans (`enforcement.bannedImports`)' },
    hasSuggestions: true,
    messages: {
      banned: "'{{specifier}}' is banned by {{adr}}.{{advice}}",
      useReplacement: "Import '{{replacement}}' instead, as {{id}} says",
      brokenEnforcement: BROKEN_ENFORCEMENT_MESSAGE,
    },
  },
  create(context, options) {
    const state = lintStateFor(context, options);
    if (!state.active) return {};
    const bans = enforced(state.policy.bannedImports, options);
    const problems = problemListener(context, state.problems);
    if (bans.length === 0) return problems;
    const known = verdictsFor(bans);
    return {
      ...problems,
      ...importListeners((ref) => {
        let ban = known.get(ref.specifier);
        if (ban === undefined) known.set(ref.specifier, (ban = findBannedImport(ref.specifier, bans) ?? null));
        if (!ban) return;
        const preview = ban.preview ? ` (preview: ${ban.adr.id} is proposed)` : '';
        const advice = `${ban.message ? ` ${ban.message}` : ''}${ban.use ? ` Use '${ban.use}' instead.` : ''}${preview}`;
        const replacement = ban.use ? replacementFor(ref.specifier.replace(/^node:/, ''), ban.name.replace(/^node:/, ''), ban.use) : null;
        context.report({
          node: ref.source,
          messageId: 'banned',
          data: { specifier: ref.specifier, adr: citeAdr(ban.adr, options.adrBaseUrl), advice },
          suggest: replacement
            ? [
                {
                  messageId: 'useReplacement',
                  data: { replacement, id: ban.adr.id },
                  fix: (fixer) => fixer.replaceText(ref.source, respell(ref.source, sourceCodeOf(context).getText(ref.source), replacement)),
                },
              ]
            : [],
        });
      }),
    };
  },
});
