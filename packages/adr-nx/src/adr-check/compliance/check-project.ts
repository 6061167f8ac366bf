import type { ProjectGraph } from '@nx/devkit';
import { projectDependencyViolations, externalImportViolations, type ConstraintViolation } from '../../policy/dependency-constraints';
import { matchesBannedImport } from '../../policy/imports';
import { hasTag } from '../../policy/patterns';
import { citeAdr, type Policy, type PolicyOrigin } from '../../policy/types';
import type { Finding } from '../findings';
import { directDependencies, graphView } from './graph-view';
import type { ProjectLocation } from './project-location';

/**
 * The workspace root project (`.`) exists to carry workspace-wide targets (report-timings,
 * dora) and the tooling's own dependencies: tags, targets and dependency rules are for the
 * libraries and applications, so the root project is not checked against them.
 */
export function isToolingProject(graph: ProjectGraph, name: string): boolean {
  const root = graph.nodes[name]?.data.root;
  return root === '.' || root === '';
}

function finding(project: string, at: { file: string; line: number; column: number }, rule: PolicyOrigin, code: string, message: string, hint: string): Finding {
  const cite = citeAdr(rule.adr, rule.line);
  return {
    ...at,
    severity: rule.preview ? 'warning' : 'error',
    code,
    message: rule.preview ? `[if accepted] ${message} (proposed ${cite})` : `${message} (${cite})`,
    hint,
    project,
    adr: rule.adr,
    ...(rule.preview ? { preview: true } : {}),
  };
}

/** Every way project `name` breaks the policy: tags, targets, and its edges in the project graph. */
export function checkProjectCompliance(graph: ProjectGraph, name: string, policy: Policy, location: ProjectLocation): Finding[] {
  const node = graph.nodes[name];
  if (!node || isToolingProject(graph, name)) return [];
  const tags = node.data.tags ?? [];
  const targets = Object.keys(node.data.targets ?? {});
  const findings: Finding[] = [];

  for (const rule of policy.requiredTags) {
    if (hasTag(tags, rule.pattern)) continue;
    findings.push(finding(name, location.find('tags'), rule, 'compliance/required-tag', `project "${name}" has no tag matching "${rule.pattern}"`, `Add a tag matching "${rule.pattern}" to "tags" in ${location.file}.`));
  }

  for (const rule of policy.requiredTargets) {
    if (targets.includes(rule.target)) continue;
    findings.push(finding(name, location.find('targets'), rule, 'compliance/required-target', `project "${name}" has no "${rule.target}" target`, `Add the "${rule.target}" target to ${location.file}, or register the Nx plugin that infers it.`));
  }

  const deps = directDependencies(graph, name);
  const view = graphView(graph);
  const constraintFinding = (v: ConstraintViolation<Policy['dependencyConstraints'][number]>, dependency: string, needle: string, code: string) =>
    finding(name, location.find(needle), v.constraint, code, `"${name}" depends on "${dependency}": ${v.message}`, 'Remove the dependency, or change the tags if the projects are classified wrongly.');

  const bannedImportFindings = (dependency: string, importName: string) => {
    for (const rule of policy.bannedImports) {
      if (!matchesBannedImport(importName, rule)) continue;
      const what = dependency === importName ? `npm package "${importName}"` : `"${dependency}" (imported as "${importName}")`;
      const instead = rule.use ? `; use "${rule.use}" instead` : '';
      const why = rule.message ? ` (${rule.message})` : '';
      findings.push(
        finding(name, location.find(importName), rule, 'compliance/banned-import', `"${name}" depends on ${what}, which is banned${instead}${why}`, `Remove every import of "${importName}" from ${name}${rule.use ? ` and use "${rule.use}"` : ''}; \`nx lint\` points at each one.`),
      );
    }
  };

  for (const target of deps.projects) {
    const violations = projectDependencyViolations(view, { name, tags }, { name: target, tags: graph.nodes[target].data.tags ?? [] }, policy.dependencyConstraints);
    const importName = packageNameOf(graph, target);
    for (const v of violations) findings.push(constraintFinding(v, target, importName ?? target, 'compliance/dependency-constraint'));
    // A workspace library can be banned by its import name too (e.g. a legacy package being retired).
    if (importName) bannedImportFindings(target, importName);
  }

  for (const pkg of deps.packages) {
    for (const v of externalImportViolations(tags, pkg, pkg, policy.dependencyConstraints)) findings.push(constraintFinding(v, pkg, pkg, 'compliance/banned-external-import'));
    bannedImportFindings(pkg, pkg);
  }
  return findings;
}

/** The npm name a workspace project is imported by, when Nx knows it (to find it in package.json). */
function packageNameOf(graph: ProjectGraph, project: string): string | undefined {
  const metadata = graph.nodes[project]?.data.metadata as { js?: { packageName?: string } } | undefined;
  return metadata?.js?.packageName;
}
