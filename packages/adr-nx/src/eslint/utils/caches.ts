import { clearPolicyCache } from '../../policy';
import { projectGraphLoads, resetProjectGraphCache } from '../project-graph/read-project-graph';
import { resetProjectLocatorCache } from '../project-graph/project-locator';
import { adrIndexLoads, policyLoads, resetLintState } from './lint-state';
import { clearStamps } from './stat-cache';
import { resetWorkspaceCache } from './workspace';

/** How often each per-process cache of the rules has (re)loaded: one per change, never one per file. */
export function loadCounts(): { policy: number; adrIndex: number; projectGraph: number } {
  return { policy: policyLoads(), adrIndex: adrIndexLoads(), projectGraph: projectGraphLoads() };
}

/** Empties every per-process cache of the rules, as in a fresh process (tests, the benchmark). */
export function resetCaches(): void {
  resetLintState();
  resetWorkspaceCache();
  resetProjectGraphCache();
  resetProjectLocatorCache();
  clearPolicyCache();
  clearStamps();
}
