import { join } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { readAdrDirectory } from '../../adr/directory';
import { diskSource } from '../../adr/file-source';
import type { AdrDocument, Diagnostic } from '../../adr/types';
import { directorySignature, loadPolicy, type Policy, type PolicyOrigin } from '../../policy';
import { cwdOf, filenameOf, sourceCodeOf } from './context';
import type { AdrRuleOptions } from './options';
import { StampedCache } from './stat-cache';
import { adrDirectoryOf, workspaceRelative, workspaceRootFor } from './workspace';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What every rule knows about the file being linted and the ADRs of its workspace. */
export interface LintState {
  workspaceRoot: string;
  adrDirectory: string;
  /** The linted file, workspace-relative with `/`. */
  file: string;
  /** False when the ADR folder does not exist: the rules then do nothing (said once on stderr). */
  active: boolean;
  /** Accepted ADRs' entries, plus proposed ones' (`preview: true`). Filter with `enforced()`. */
  policy: Policy;
  /** Broken enforcement (bad glob, tag regex, unknown key, unreadable ADR): reported once, see reportEnforcementProblems. */
  problems: Diagnostic[];
  options: AdrRuleOptions;
}

// The four rules each call lintStateFor() for the same file: work it out once per file.
const perFile = new WeakMap<object, Map<string, LintState>>();

/**
 * The state for this file. Policy and ADRs come from per-process caches keyed on the ADR files'
 * mtime and size (the policy module's loadPolicy), so a CLI run reads them once and an editor
 * session re-reads them only after an ADR changes.
 */
export function lintStateFor(context: AnyContext, options: AdrRuleOptions): LintState {
  const filename = filenameOf(context);
  const workspaceRoot = workspaceRootFor(filename, cwdOf(context));
  const adrDirectory = (options.adrDirectory ?? adrDirectoryOf(workspaceRoot)).replace(/^\.\//, '').replace(/\/+$/, '') || '.';
  const key = `${workspaceRoot}\0${adrDirectory}\0${options.preview ? 1 : 0}\0${options.adrBaseUrl ?? ''}`;
  const sourceCode = sourceCodeOf(context);
  let states = perFile.get(sourceCode);
  if (!states) perFile.set(sourceCode, (states = new Map()));
  const known = states.get(key);
  if (known) return known;

  const policy = loadPolicy(workspaceRoot, adrDirectory, { includeProposed: true });
  const missing = policy.problems.some((p) => p.code === 'directory/missing');
  if (missing) sayOnce(`${workspaceRoot}\0${adrDirectory}`, `@fx/adr-nx: no ADR folder at ${join(workspaceRoot, adrDirectory)}; the ADR rules have nothing to enforce. Run \`nx g @fx/adr-nx:init\`, or set adrDirectory (nx.json plugin option or the rules' option).`);
  const state: LintState = {
    workspaceRoot,
    adrDirectory,
    file: workspaceRelative(workspaceRoot, filename),
    active: !missing,
    policy,
    problems: policy.problems.filter((p) => p.code !== 'directory/missing' && (options.preview || p.severity === 'error')),
    options,
  };
  states.set(key, state);
  return state;
}

/** Entries the rules enforce: accepted ADRs', and proposed ones' when the `preview` option is on. */
export function enforced<T extends PolicyOrigin>(entries: readonly T[], options: AdrRuleOptions): T[] {
  return options.preview ? [...entries] : entries.filter((e) => !e.preview);
}

const said = new Set<string>();

/** One line on stderr per process (a missing ADR folder would otherwise be reported for every file). */
export function sayOnce(key: string, message: string): void {
  if (said.has(key)) return;
  said.add(key);
  process.stderr.write(`${message}\n`);
}

export interface AdrIndex {
  adrs: AdrDocument[];
  byNumber: Map<number, AdrDocument>;
}

const indexes = new StampedCache<AdrIndex>();

/**
 * Every ADR of the folder with status and title (for valid-adr-reference). Parsed only when a
 * file cites an ADR, and again only when an ADR file changes.
 */
export function adrIndexOf(state: LintState): AdrIndex {
  const { workspaceRoot, adrDirectory } = state;
  return indexes.get(`${workspaceRoot}\0${adrDirectory}`, directorySignature(workspaceRoot, adrDirectory), () => {
    const { adrs } = readAdrDirectory(diskSource(workspaceRoot), adrDirectory);
    const byNumber = new Map<number, AdrDocument>();
    for (const adr of adrs) if (adr.number !== null && !byNumber.has(adr.number)) byNumber.set(adr.number, adr);
    return { adrs, byNumber };
  });
}

/** How often the full ADR index was (re)built in this process: the benchmark proves it is not per file. */
export function adrIndexLoads(): number {
  return indexes.loads;
}

/** Forget everything said and cached (tests build workspaces on the fly). */
export function resetLintState(): void {
  said.clear();
  indexes.clear();
  claims.clear();
}

const claims = new Map<string, string>();

/**
 * Reports each broken-enforcement problem exactly once per process: on the first file linted,
 * by the first ADR rule that runs on it, and again whenever that same file is linted by that
 * rule (so an editor keeps showing it there). Every other file stays clean of it.
 */
export function reportEnforcementProblems(context: AnyContext, problems: readonly Diagnostic[], messageId: 'brokenEnforcement'): void {
  if (problems.length === 0) return;
  const me = `${context.id}\0${filenameOf(context)}`;
  const mine = problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.message}`;
    const owner = claims.get(key) ?? (claims.set(key, me), me);
    return owner === me;
  });
  for (const p of mine) {
    (context as Readonly<TSESLint.RuleContext<'brokenEnforcement', readonly unknown[]>>).report({
      loc: { line: 1, column: 0 },
      messageId,
      data: { where: `${p.file}:${p.line}:${p.column}`, message: p.message, hint: p.hint ? ` ${p.hint}` : '' },
    });
  }
}

export const BROKEN_ENFORCEMENT_MESSAGE = '{{where}}: {{message}}.{{hint}}';
