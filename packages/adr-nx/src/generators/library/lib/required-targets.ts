import type { NxJsonConfiguration, TargetConfiguration } from '@nx/devkit';
import { citeAdr, type RequiredTargetRule } from '../../../policy/types';

export interface LibraryToolOptions {
  unitTestRunner?: string;
  linter?: string;
  bundler?: string;
}

export interface TargetPlan {
  /** Options for @nx/js's library generator that make it create the target. */
  libraryOptions: LibraryToolOptions;
  /** Targets to add to the project after it is generated. */
  addTargets: Record<string, TargetConfiguration>;
  /** How each required target is provided (for the summary). */
  provided: string[];
  /** Required targets this generator cannot provide: adr-check will report them. */
  missing: string[];
  /** Options that contradict an ADR: nothing is generated. */
  conflicts: string[];
}

/**
 * Whether nx.json's targetDefaults give `target` a command every project inherits. Nx 23 also
 * allows a list of filtered entries there: only an entry without a filter applies to all.
 */
function definedByTargetDefaults(nxJson: NxJsonConfiguration | null, target: string): boolean {
  const value = nxJson?.targetDefaults?.[target] as unknown;
  const entries = (Array.isArray(value) ? value : value ? [value] : []) as Array<Partial<TargetConfiguration> & { filter?: unknown }>;
  return entries.some((e) => !e.filter && Boolean(e.executor || e.command || e.options?.command || e.options?.commands));
}

const hasPlugin = (nxJson: NxJsonConfiguration | null, name: string) =>
  (nxJson?.plugins ?? []).some((p) => (typeof p === 'string' ? p : p.plugin) === name);

/**
 * How the library gets each target the accepted ADRs require:
 * - test, lint, build: by @nx/js's own options (unitTestRunner, linter, bundler), so the targets
 *   are the ones Nx infers or writes for any library;
 * - typecheck: inferred by @nx/js/typescript when the workspace uses it, else `tsc --noEmit`;
 * - adr-check (the plugin's target): inferred by this plugin on every project;
 * - any other name: `{}` when nx.json's targetDefaults define it (the project inherits the
 *   command), else reported as missing: a target nobody defined cannot be made up here.
 */
export function planRequiredTargets(
  rules: readonly RequiredTargetRule[],
  options: LibraryToolOptions,
  context: { nxJson: NxJsonConfiguration | null; adrCheckTarget: string; projectRoot: string },
): TargetPlan {
  const plan: TargetPlan = { libraryOptions: {}, addTargets: {}, provided: [], missing: [], conflicts: [] };
  const byTarget = new Map<string, RequiredTargetRule>();
  for (const rule of rules) if (!byTarget.has(rule.target)) byTarget.set(rule.target, rule);

  const viaOption = (target: string, rule: RequiredTargetRule, key: keyof LibraryToolOptions, fallback: string) => {
    if (options[key] === 'none') {
      plan.conflicts.push(`--${key}=none leaves out the "${target}" target that ${citeAdr(rule.adr, rule.line)} requires. Choose a ${key}, or leave the option out.`);
      return;
    }
    plan.libraryOptions[key] = options[key] ?? fallback;
    plan.provided.push(`${target} (${key} ${plan.libraryOptions[key]})`);
  };

  for (const [target, rule] of byTarget) {
    if (target === 'test') viaOption(target, rule, 'unitTestRunner', 'jest');
    else if (target === 'lint') viaOption(target, rule, 'linter', 'eslint');
    else if (target === 'build') viaOption(target, rule, 'bundler', 'tsc');
    else if (target === context.adrCheckTarget) plan.provided.push(`${target} (inferred by @fx/adr-nx)`);
    else if (target === 'typecheck' && hasPlugin(context.nxJson, '@nx/js/typescript')) plan.provided.push('typecheck (inferred by @nx/js/typescript)');
    else if (target === 'typecheck') {
      plan.addTargets.typecheck = {
        executor: 'nx:run-commands',
        cache: true,
        inputs: ['default', '^default'],
        options: { command: `tsc -p ${context.projectRoot}/tsconfig.lib.json --noEmit` },
      };
      plan.provided.push('typecheck (tsc --noEmit)');
    } else {
      if (definedByTargetDefaults(context.nxJson, target)) {
        plan.addTargets[target] = {};
        plan.provided.push(`${target} (from targetDefaults in nx.json)`);
      } else {
        plan.missing.push(`"${target}", which ${citeAdr(rule.adr, rule.line)} requires: add it to the project, or define targetDefaults.${target} in nx.json so new libraries inherit it`);
      }
    }
  }
  return plan;
}
