import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { diskSource } from '../adr/file-source';
import { buildPolicy } from '../policy/build-policy';
import { loadPolicy } from '../policy/load-policy';
import type { Policy } from '../policy/types';
import { checkProjectCompliance, isToolingProject } from './compliance/check-project';
import { projectLocation } from './compliance/project-location';
import { checkDocuments, type DocumentCheckResult } from './documents/check-documents';
import { planFixes } from './documents/plan-fixes';
import type { CheckReport } from './report/check-report';

export interface AdrCheckRun {
  workspaceRoot: string;
  projectName: string;
  projectGraph: ProjectGraph;
  adrDirectory: string;
  /** Check the ADR documents (one task per run does; see the plugin). */
  documents: boolean;
  /** Apply the mechanical fixes to the documents before reporting. */
  fix: boolean;
  /** Evaluate proposed ADRs as "if accepted" warnings. */
  preview: boolean;
  /** YYYY-MM-DD for the "date in the future" check (tests). */
  today?: string;
}

/** Rules a project is checked against here (restrictedSyntax is for `nx lint`). */
function projectRuleCount(policy: Policy): number {
  return policy.bannedImports.length + policy.dependencyConstraints.length + policy.requiredTags.length + policy.requiredTargets.length;
}

function checkAndFixDocuments(run: AdrCheckRun, fixed: string[]): DocumentCheckResult {
  const source = diskSource(run.workspaceRoot);
  const first = checkDocuments(source, run.adrDirectory, { today: run.today });
  if (!run.fix) return first;
  const writes = planFixes(source, run.adrDirectory, first.findings);
  for (const write of writes) writeFileSync(join(run.workspaceRoot, write.path), write.text);
  fixed.push(...writes.map((w) => w.path));
  return writes.length ? checkDocuments(source, run.adrDirectory, { today: run.today }) : first;
}

/** One adr-check task: the documents (when asked) and this project's compliance. Never throws on bad input. */
export function runAdrCheck(run: AdrCheckRun): CheckReport {
  const report: CheckReport = { project: run.projectName, adrDirectory: run.adrDirectory, fixed: [] };
  let policy: Policy | undefined;
  if (run.documents) {
    const result = checkAndFixDocuments(run, report.fixed);
    // Enforcement entries that cannot be used are document problems: report them once, here.
    policy = buildPolicy(result.adrs, { includeProposed: run.preview });
    report.documents = { fileCount: result.fileCount, findings: [...result.findings, ...policy.problems] };
  }
  const node = run.projectGraph.nodes[run.projectName];
  if (!node) {
    report.compliance = { skipped: 'the project is not in the project graph' };
  } else if (isToolingProject(run.projectGraph, run.projectName)) {
    report.compliance = { skipped: 'the workspace root project holds workspace tooling, not code the ADRs constrain' };
  } else {
    policy ??= loadPolicy(run.workspaceRoot, run.adrDirectory, { includeProposed: run.preview });
    const findings = checkProjectCompliance(run.projectGraph, run.projectName, policy, projectLocation(run.workspaceRoot, node.data.root));
    report.compliance = { findings, rules: projectRuleCount(policy) };
  }
  return report;
}
