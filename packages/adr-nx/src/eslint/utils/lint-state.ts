import { join } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { readAdrDirectory } from '../../adr/directory';
import { diskSource } from '../../adr/file-source';
import type { AdrDocument, Diagnostic } from '../../adr/types';
import { directorySignature, loadPolicy, type Policy, type PolicyOrigin } from '../../policy';
import { normalizeAdrDirectory } from '../../plugin-options';
import { cwdOf, filenameOf, sourceCodeOf } from './context';
import type { AdrRuleOptions } from './options';
import { StampedCache, startFile, throttled } from './stat-cache';
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
  /** Broken enforcement (bad glob, tag regex, unknown key, unreadable ADR): reported once, see problemListener. */
  problems: Diagnostic[];
}

// ESLint creates every rule for a file, one after the other, before it lints the next file: a
// one-file slot lets the four rules share the state without a WeakMap entry per linted file.
let slot: { sourceCode: object; states: Map<string, LintState> } | undefined;

/**
 * The state for this file. Policy and ADRs come from per-process caches keyed on the ADR files'
 * mtime and size (the policy module's loadPolicy), so a CLI run reads them once and an editor
 * session re-reads them only after an ADR changes.
 */
export function lintStateFor(context: AnyContext, options: AdrRuleOptions): LintState {
  // Per file, the first rule does the work and the other three find it here.
  const sourceCode = sourceCodeOf(context);
  const key = `${options.adrDirectory ?? ''}\0${options.preview ? 1 : 0}`;
  if (slot?.sourceCode !== sourceCode) slot = { sourceCode, states: new Map() };
  const states = slot.states;
  const known = states.get(key);
  if (known) return known;

  startFile(); // freshness is checked against one clock reading per file
  const filename = filenameOf(context);
  const workspaceRoot = workspaceRootFor(filename, cwdOf(context));
  const adrDirectory = normalizeAdrDirectory(options.adrDirectory ?? adrDirectoryOf(workspaceRoot));
  const policy = policies.get(`${workspaceRoot}\0${adrDirectory}`, adrFolderStamp(workspaceRoot, adrDirectory), () =>
    // This cache already decided the folder changed: loadPolicy must not answer from its own.
    loadPolicy(workspaceRoot, adrDirectory, { includeProposed: true, revalidateAfterMs: 0 }),
  );
  const verdict = policyVerdict(policy);
  if (verdict.missing) sayOnce(`${workspaceRoot}\0${adrDirectory}`, `@fx/adr-nx: no ADR folder at ${join(workspaceRoot, adrDirectory)}; the ADR rules have nothing to enforce. Run \`nx g @fx/adr-nx:init\`, or set adrDirectory (nx.json plugin option or the rules' option).`);
  const state: LintState = {
    workspaceRoot,
    adrDirectory,
    file: workspaceRelative(workspaceRoot, filename),
    active: !verdict.missing,
    policy,
    problems: options.preview ? verdict.allProblems : verdict.errors,
  };
  states.set(key, state);
  return state;
}

interface PolicyVerdict {
  missing: boolean;
  allProblems: Diagnostic[];
  errors: Diagnostic[];
}

// Worked out once per policy object (a policy object lives until an ADR changes).
const verdicts = new WeakMap<Policy, PolicyVerdict>();
let policyLoadCount = 0;

function policyVerdict(policy: Policy): PolicyVerdict {
  let verdict = verdicts.get(policy);
  if (!verdict) {
    policyLoadCount++;
    const allProblems = policy.problems.filter((p) => p.code !== 'directory/missing');
    verdict = { missing: allProblems.length !== policy.problems.length, allProblems, errors: allProblems.filter((p) => p.severity === 'error') };
    verdicts.set(policy, verdict);
  }
  return verdict;
}

/** How many policies the rules have been handed in this process: the benchmark proves it is not one per file. */
export function policyLoads(): number {
  return policyLoadCount;
}

/** The ADR folder's signature (every ADR file's name, mtime and size), throttled like every stamp. */
function adrFolderStamp(workspaceRoot: string, adrDirectory: string): string {
  return throttled(`adr\0${workspaceRoot}\0${adrDirectory}`, () => directorySignature(workspaceRoot, adrDirectory));
}

// loadPolicy keeps its own cache too; this one spares it the folder signature on every file.
const policies = new StampedCache<Policy>();

/** Entries the rules enforce: accepted ADRs', and proposed ones' when the `preview` option is on. */
export function enforced<T extends PolicyOrigin>(entries: readonly T[], options: AdrRuleOptions): readonly T[] {
  if (options.preview) return entries;
  // The same array for the same policy, so rules can cache per list of entries.
  let accepted = acceptedOnly.get(entries) as T[] | undefined;
  if (!accepted) acceptedOnly.set(entries, (accepted = entries.filter((e) => !e.preview)));
  return accepted;
}

const acceptedOnly = new WeakMap<readonly PolicyOrigin[], PolicyOrigin[]>();

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
  return indexes.get(`${workspaceRoot}\0${adrDirectory}`, adrFolderStamp(workspaceRoot, adrDirectory), () => {
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
  slot = undefined;
  said.clear();
  indexes.clear();
  policies.clear();
  claims.clear();
}

const claims = new Map<string, string>();

/**
 * Reports each broken-enforcement problem exactly once per process: on the first file linted,
 * by the first ADR rule that runs on it, and again whenever that same file is linted by that
 * rule (so an editor keeps showing it there). Every other file stays clean of it. Returns the
 * listener to spread into the rule's (none when there is nothing to report: most files).
 */
export function problemListener(context: AnyContext, problems: readonly Diagnostic[]): TSESLint.RuleListener {
  if (problems.length === 0) return {};
  const me = `${context.id}\0${filenameOf(context)}`;
  const mine = problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.message}`;
    const owner = claims.get(key) ?? (claims.set(key, me), me);
    return owner === me;
  });
  if (mine.length === 0) return {};
  return {
    Program() {
      for (const p of mine) {
        (context as Readonly<TSESLint.RuleContext<'brokenEnforcement', readonly unknown[]>>).report({
          loc: { line: 1, column: 0 },
          messageId: 'brokenEnforcement',
          data: { where: `${p.file}:${p.line}:${p.column}`, message: p.message, hint: p.hint ? ` ${p.hint}` : '' },
        });
      }
    },
  };
}

export const BROKEN_ENFORCEMENT_MESSAGE = '{{where}}: {{message}}.{{hint}}';
