/**
 * npm run bench:adr-check
 *
 * Generates 5,000 ADRs and a 1,000-project graph in a temp folder, then times adr-check's own
 * work (documents once, then every project's compliance, as in one `nx run-many -t adr-check`,
 * without Nx's process start-up) beside a bare Node loop that only reads each ADR and parses
 * its front-matter with gray-matter. Goal: ratio <= 2.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import matter from 'gray-matter';
import type { ProjectGraph } from '@nx/devkit';
import { applyDecisionLog } from '../packages/adr-nx/src/adr/decision-log';
import { readAdrDirectory } from '../packages/adr-nx/src/adr/directory';
import { diskSource } from '../packages/adr-nx/src/adr/file-source';
import { formatAdrNumber } from '../packages/adr-nx/src/adr/naming';
import { formatText } from '../packages/adr-nx/src/adr-check/report/text';
import { runAdrCheck } from '../packages/adr-nx/src/adr-check/run-adr-check';
import { clearPolicyCache, loadPolicy } from '../packages/adr-nx/src/policy/load-policy';

const ADRS = 5000;
const PROJECTS = 1000;
const RUNS = 5;
const DIR = 'docs/adr';
const SCOPES = ['shared', 'billing', 'search', 'identity', 'catalog'];
const TYPES = ['util', 'data', 'ui', 'feature'];

function adrText(n: number): string {
  const status = n % 50 === 7 ? 'proposed' : n % 10 === 3 ? 'superseded' : 'accepted';
  const lines = ['---', `status: ${status}`, `date: 2024-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`];
  lines.push('decision-makers: [platform-team, architecture-guild]', 'consulted: [security]', 'informed: [everyone]', `tags: [${SCOPES[n % 5]}, adr-${n % 7}]`);
  // ADR n (n % 10 === 3) is superseded by n + 1, which says so too.
  if (status === 'superseded') lines.push(`superseded-by: ${n + 1}`);
  if (n % 10 === 4) lines.push(`supersedes: [${n - 1}]`);
  lines.push('discussion: https://github.com/acme/monorepo/discussions/4190');
  if (n % 50 === 0 || n % 50 === 7) {
    lines.push(
      'enforcement:',
      '  bannedImports:',
      `    - name: legacy-lib-${n}`,
      '      use: "@acme/logger"',
      '  dependencyConstraints:',
      `    - sourceTag: "scope:${SCOPES[n % 5]}"`,
      `      notDependOnLibsWithTags: ["type:deprecated-${n}"]`,
      '  requiredTags: ["scope:*", "type:*"]',
      '  requiredTargets: [lint]',
    );
  }
  lines.push('---');
  const other = n > 1 ? `[${'ADR-' + formatAdrNumber(n - 1)}](${formatAdrNumber(n - 1)}-decision-number-${n - 1}.md)` : 'the first decision';
  lines.push(
    `# Decision number ${n}`,
    '',
    '## Context and Problem Statement',
    '',
    `Service ${n} needs a way to handle its data. This builds on ${other} and the discussion linked above.`,
    'We want the choice to be consistent with the rest of the platform and cheap to operate.',
    '',
    '## Decision Drivers',
    '',
    '* consistency with existing services',
    '* operational cost',
    '* team familiarity',
    '',
    '## Considered Options',
    '',
    '* Option A: keep the current approach',
    '* Option B: adopt the shared platform library',
    '* Option C: build something specific',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "Option B", because it is the only one that meets every driver.',
    '',
    '### Consequences',
    '',
    '* Good, because the platform team maintains it',
    '* Bad, because a migration is needed for `legacy` callers',
    '',
    '### Confirmation',
    '',
    'Compliance is checked by `nx run-many -t adr-check` and `nx lint` in every pull request.',
    '',
    '## More Information',
    '',
    `See the [runbook](https://example.com/runbooks/${n}) for operational details.`,
    '',
  );
  return lines.join('\n');
}

export function generate(root: string): ProjectGraph {
  mkdirSync(join(root, DIR), { recursive: true });
  for (let n = 1; n <= ADRS; n++) writeFileSync(join(root, DIR, `${formatAdrNumber(n)}-decision-number-${n}.md`), adrText(n));
  writeFileSync(join(root, DIR, 'README.md'), applyDecisionLog(null, readAdrDirectory(diskSource(root), DIR).adrs));

  const graph: ProjectGraph = { nodes: {}, dependencies: {}, externalNodes: {} };
  for (let p = 0; p < 200; p++) graph.externalNodes![`npm:pkg-${p}`] = { name: `npm:pkg-${p}`, type: 'npm', data: { packageName: `pkg-${p}`, version: '1.0.0' } };
  for (let i = 0; i < PROJECTS; i++) {
    const name = `lib-${i}`;
    const projectRoot = `libs/${SCOPES[i % 5]}/${name}`;
    const tags = [`scope:${SCOPES[i % 5]}`, `type:${TYPES[i % 4]}`];
    mkdirSync(join(root, projectRoot), { recursive: true });
    writeFileSync(join(root, projectRoot, 'project.json'), JSON.stringify({ name, tags, targets: { lint: {}, test: {} } }, null, 2));
    graph.nodes[name] = { name, type: 'lib', data: { root: projectRoot, tags, targets: { lint: {}, test: {} } } };
    const deps = [1, 7, 31].map((k) => i - k).filter((d) => d >= 0).map((d) => ({ source: name, target: `lib-${d}`, type: 'static' }));
    deps.push({ source: name, target: `npm:pkg-${i % 200}`, type: 'static' });
    graph.dependencies[name] = deps;
  }
  return graph;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function bareLoop(root: string): number {
  let keys = 0;
  for (const name of readdirSync(join(root, DIR))) {
    if (!name.endsWith('.md') || name === 'README.md') continue;
    keys += Object.keys(matter(readFileSync(join(root, DIR, name), 'utf8')).data).length;
  }
  return keys;
}

function adrCheck(root: string, graph: ProjectGraph): number {
  let errors = 0;
  const owner = runAdrCheck({ workspaceRoot: root, projectName: 'lib-0', projectGraph: graph, adrDirectory: DIR, documents: true, fix: false, preview: true });
  formatText(owner);
  errors += owner.documents?.findings.filter((f) => f.severity === 'error').length ?? 0;
  for (let i = 1; i < PROJECTS; i++) {
    const report = runAdrCheck({ workspaceRoot: root, projectName: `lib-${i}`, projectGraph: graph, adrDirectory: DIR, documents: false, fix: false, preview: true });
    formatText(report);
    errors += report.compliance && 'findings' in report.compliance ? report.compliance.findings.filter((f) => f.severity === 'error').length : 0;
  }
  return errors;
}

function main(): void {
  const root = mkdtempSync(join(tmpdir(), 'bench-adr-check-'));
  try {
    process.stdout.write(`Generating ${ADRS} ADRs and a ${PROJECTS}-project graph in ${root} ...\n`);
    const graph = generate(root);
    // Sanity: the generated folder is valid, so adr-check does all its work and reports nothing.
    const documentErrors = adrCheck(root, graph);
    if (documentErrors !== 0) throw new Error(`the generated workspace should pass adr-check, found ${documentErrors} errors`);

    const bare: number[] = [];
    const check: number[] = [];
    const policyLoad: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // gray-matter caches by content: clear it so neither side reuses the other's parse.
      matter.clearCache();
      bare.push(time(() => bareLoop(root)));
      matter.clearCache();
      clearPolicyCache();
      check.push(time(() => adrCheck(root, graph)));
      clearPolicyCache();
      policyLoad.push(time(() => loadPolicy(root, DIR, { includeProposed: true })));
    }
    const b = median(bare);
    const c = median(check);
    const p = median(policyLoad);
    process.stdout.write(
      [
        `bare loop (read + gray-matter, ${ADRS} files):             ${b.toFixed(0)} ms`,
        `adr-check (documents + ${PROJECTS} projects' compliance):  ${c.toFixed(0)} ms`,
        `ratio adr-check / bare loop:                          ${(c / b).toFixed(2)} (goal <= 2)`,
        `policy load in a fresh task (per project in run-many): ${p.toFixed(0)} ms`,
        `(median of ${RUNS} runs each)`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) main();
