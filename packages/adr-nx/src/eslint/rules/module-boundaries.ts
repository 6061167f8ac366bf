import type { TSESTree } from '@typescript-eslint/utils';
import {
  constraintsFor,
  externalImportViolations,
  projectDependencyViolations,
  type ConstraintViolation,
  type DependencyConstraintRule,
} from '../../policy';
import { graphViewOf } from '../project-graph/graph-view';
import { projectLocatorFor } from '../project-graph/project-locator';
import { projectGraphPath, readProjectGraph } from '../project-graph/read-project-graph';
import { citeAdr } from '../utils/cite';
import { createRule } from '../utils/create-rule';
import { importListeners } from '../utils/import-references';
import { BROKEN_ENFORCEMENT_MESSAGE, enforced, lintStateFor, problemListener, sayOnce } from '../utils/lint-state';

// Verdicts per (graph, policy, source project, target project): a project imports the same
// few projects from many files, and notDependOnLibsWithTags walks the graph.
const verdictsByGraph = new WeakMap<object, WeakMap<object, Map<string, ConstraintViolation<DependencyConstraintRule> | null>>>();

function verdictCache(graph: object, policy: object): Map<string, ConstraintViolation<DependencyConstraintRule> | null> {
  let byPolicy = verdictsByGraph.get(graph);
  if (!byPolicy) verdictsByGraph.set(graph, (byPolicy = new WeakMap()));
  let map = byPolicy.get(policy);
  if (!map) byPolicy.set(policy, (map = new Map()));
  return map;
}

export default createRule({
  name: 'module-boundaries',
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the dependency constraints of accepted ADRs (`enforcement.dependencyConstraints`) between Nx projects' },
    messages: {
      violation: "'{{specifier}}' ({{target}}) breaks {{adr}}: {{reason}}.{{preview}}",
      brokenEnforcement: BROKEN_ENFORCEMENT_MESSAGE,
    },
  },
  create(context, options) {
    const state = lintStateFor(context, options);
    if (!state.active) return {};
    const reportProblems = problemListener(context, state.problems);
    const constraints = enforced(state.policy.dependencyConstraints, options);
    if (constraints.length === 0) return reportProblems;

    const graph = readProjectGraph(state.workspaceRoot);
    if (!graph) {
      sayOnce(
        `graph\0${state.workspaceRoot}`,
        `@fx/adr-nx/module-boundaries: no Nx project graph at ${projectGraphPath(state.workspaceRoot)} yet, so dependency constraints are not checked. Run ESLint through \`nx lint\` (or run \`nx graph --file=stdout\` once).`,
      );
      return reportProblems;
    }
    const locator = projectLocatorFor(state.workspaceRoot, graph);
    const source = locator.projectOfFile(state.file);
    if (!source) return reportProblems;
    const sourceTags = source.data.tags ?? [];
    const applicable = constraintsFor(sourceTags, constraints);
    if (applicable.length === 0) return reportProblems;
    const view = graphViewOf(graph);
    const verdicts = verdictCache(graph, state.policy);

    const report = (node: TSESTree.Node, specifier: string, target: string, violation: ConstraintViolation<DependencyConstraintRule>) => {
      const { adr, preview } = violation.constraint;
      context.report({
        node,
        messageId: 'violation',
        data: {
          specifier,
          target,
          adr: citeAdr(adr, options.adrBaseUrl),
          reason: violation.message,
          preview: preview ? ` (preview: ${adr.id} is proposed)` : '',
        },
      });
    };

    return {
      ...reportProblems,
      ...importListeners((ref) => {
        const target = locator.targetOf(ref.specifier, state.file);
        if (!target) return;
        if (target.kind === 'npm') {
          const key = `${options.preview ? 1 : 0}\0${source.name}\0npm\0${ref.specifier}`;
          let first = verdicts.get(key);
          if (first === undefined) verdicts.set(key, (first = externalImportViolations(sourceTags, target.packageName, ref.specifier, applicable)[0] ?? null));
          if (first) report(ref.source, ref.specifier, `npm package ${target.packageName}`, first);
          return;
        }
        const targetProject = target.project;
        if (targetProject.name === source.name) return;
        // The workspace root project holds tooling (the root eslint.config.mjs a library's config
        // imports), not code: adr-check does not constrain it either (isToolingProject).
        if (targetProject.data.root === '.' || targetProject.data.root === '') return;
        const key = `${options.preview ? 1 : 0}\0${source.name}\0${targetProject.name}`;
        let first = verdicts.get(key);
        if (first === undefined) {
          first = projectDependencyViolations(view, { name: source.name, tags: sourceTags }, { name: targetProject.name, tags: targetProject.data.tags ?? [] }, applicable)[0] ?? null;
          verdicts.set(key, first);
        }
        if (first) report(ref.source, ref.specifier, `project ${targetProject.name}`, first);
      }),
    };
  },
});
