#!/usr/bin/env node
// npm run bench:lint [-- --runs=5 --files=5000 --projects=300 --editor-calls=1000 --baseline=ts|js --no-build]
//
// What the ADR rules cost in one ESLint process. Generates an Nx-shaped workspace in
// tmp/bench-lint (5,000 TypeScript files, ~12 imports each, a few hundred projects with tags,
// tsconfig paths, Nx's cached project graph, twenty ADRs of which four enforce something) and:
//   1. lints all of it with the ESLint Node API, interleaved, with and without the ADR rules
//      (each "with" run starts from empty caches, as a fresh CLI process would), and prints the
//      median ratio (goal <= 1.05);
//   2. lints it once more with ESLint's `stats: true` and prints each ADR rule's share;
//   3. lints one file 1,000 times through one ESLint instance with lintText(), the way an editor
//      does, prints the per-call cost, and counts how often the policy, the ADR index and the
//      project graph were loaded (proving there is no per-file reload), then edits an ADR and
//      shows exactly one reload.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'package.json'));

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const RUNS = Number(args.runs ?? process.env.BENCH_RUNS ?? 5);
const FILES = Number(args.files ?? 5000);
const PROJECTS = Number(args.projects ?? 300);
const EDITOR_CALLS = Number(args['editor-calls'] ?? 1000);
const BASELINE = args.baseline ?? 'ts';
const ws = join(repo, 'tmp', 'bench-lint');

const log = (line = '') => console.log(line);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;

// ---------------------------------------------------------------------------------------------
// The workspace
// ---------------------------------------------------------------------------------------------

/** Deterministic pseudo-random numbers, so every run lints the same workspace. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const SCOPES = ['orders', 'billing', 'shared', 'web'];
const TYPES = ['feature', 'ui', 'data-access', 'util', 'legacy'];
const NPM = ['react', 'rxjs', 'date-fns', 'zod', 'axios', 'lodash-es', 'uuid', 'immer'];

function adr(number, title, status, enforcement = '') {
  const id = String(number).padStart(4, '0');
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return [
    `docs/adr/${id}-${slug}.md`,
    `---\nstatus: ${status}\ndate: 2026-0${(number % 9) + 1}-1${number % 10}\ndecision-makers: [platform-team]\n${enforcement ? `enforcement:\n${enforcement}` : ''}---\n# ${title}\n\n## Context and Problem Statement\n\n${'Prose about the decision. '.repeat(40)}\n\n## Decision Outcome\n\nChosen option: the one above.\n`,
  ];
}

function generateWorkspace() {
  rmSync(ws, { recursive: true, force: true });
  const write = (path, text) => {
    mkdirSync(dirname(join(ws, path)), { recursive: true });
    writeFileSync(join(ws, path), text);
  };
  const random = rng(42);
  const pick = (list) => list[Math.floor(random() * list.length)];
  write('nx.json', JSON.stringify({ plugins: [{ plugin: '@fx/adr-nx', options: { adrDirectory: 'docs/adr' } }] }, null, 2));

  const projects = Array.from({ length: PROJECTS }, (_, i) => {
    const name = `lib-${String(i).padStart(3, '0')}`;
    return { name, root: `libs/${name}`, alias: `@bench/${name}`, tags: [`scope:${SCOPES[i % SCOPES.length]}`, `type:${TYPES[i % TYPES.length]}`], deps: new Set() };
  });
  write(
    'tsconfig.base.json',
    JSON.stringify({ compilerOptions: { target: 'es2022', module: 'esnext', paths: Object.fromEntries(projects.map((p) => [p.alias, [`${p.root}/src/index.ts`]])) } }, null, 2),
  );

  // What ADR-0002 lets each project depend on: shared code only on shared code, utils only on
  // utils (so no util ever reaches a feature).
  const tagged = (p, tag) => p.tags.includes(tag);
  const allowedDeps = projects.map((p, i) =>
    projects.slice(0, i).filter((q) => (!tagged(p, 'scope:shared') || tagged(q, 'scope:shared')) && (!tagged(p, 'type:util') || tagged(q, 'type:util'))),
  );
  const perProject = Math.ceil(FILES / PROJECTS);
  let written = 0;
  for (const [i, project] of projects.entries()) {
    const count = Math.min(perProject, FILES - written);
    for (let f = 0; f < count; f++, written++) {
      const lines = [];
      if (f % 10 === 3) lines.push('// Orders flow through the event bus, see ADR-0005.');
      // 3 relative imports inside the project
      for (let r = 1; r <= 3; r++) lines.push(`import { helper${r} } from './file-${(f + r) % perProject}';`);
      // 5 imports of other projects (lower index only: no cycles), through tsconfig paths. As in
      // a workspace that already follows its ADRs, they respect ADR-0002's constraints, but for a
      // rare deliberate violation.
      const allowed = allowedDeps[i];
      for (let d = 0; d < 5 && allowed.length > 0; d++) {
        const stray = !tagged(project, 'type:util') && random() < 0.001; // a util's stray edge would taint all its dependents
        const target = stray ? projects[Math.floor(random() * i)] : allowed[Math.floor(random() * allowed.length)];
        project.deps.add(target.name);
        lines.push(`import { api${d} } from '${target.alias}';`);
      }
      // 3 npm packages, very rarely a banned one
      for (let n = 0; n < 3; n++) {
        const roll = random();
        const pkg = roll < 0.001 ? 'moment' : roll < 0.0015 ? 'winston' : pick(NPM);
        lines.push(`import * as npm${n} from '${pkg}';`);
      }
      lines.push("import { join } from 'node:path';", '');
      lines.push(
        `export interface Item${f} { id: string; quantity: number; tags: readonly string[] }`,
        '',
        `export function total${f}(items: Item${f}[]): number {`,
        '  let sum = 0;',
        '  for (const item of items) {',
        '    if (item.quantity > 0 && item.tags.includes(\'billable\')) sum += item.quantity * 2;',
        '  }',
        `  return sum + helper1() + helper2() + helper3() + ${allowedDeps[i].length > 0 ? 'Number(Boolean(api0))' : '0'};`,
        '}',
        '',
        `export class Service${f} {`,
        '  private readonly cache = new Map<string, number>();',
        '  constructor(private readonly base: string) {}',
        '  path(name: string): string {',
        '    const hit = this.cache.get(name);',
        '    if (hit !== undefined) return String(hit);',
        '    this.cache.set(name, name.length);',
        '    return join(this.base, name);',
        '  }',
        '  async load(ids: string[]): Promise<number[]> {',
        '    return Promise.all(ids.map(async (id) => id.length));',
        '  }',
        '}',
        '',
        f % 25 === 0 ? `console.log('service ${f} ready', npm0, npm1, npm2);` : `export const deps${f} = [npm0, npm1, npm2];`,
        '',
      );
      write(`${project.root}/src/file-${f}.ts`, lines.join('\n'));
    }
  }

  // The graph Nx caches in .nx/workspace-data (what `nx lint` writes before linting).
  const graph = {
    nodes: Object.fromEntries(projects.map((p) => [p.name, { name: p.name, type: 'lib', data: { root: p.root, tags: p.tags, targets: {} } }])),
    externalNodes: Object.fromEntries([...NPM, 'moment', 'winston'].map((n) => [`npm:${n}`, { name: `npm:${n}`, type: 'npm', data: { packageName: n, version: '1.0.0' } }])),
    dependencies: Object.fromEntries(projects.map((p) => [p.name, [...p.deps].map((target) => ({ source: p.name, target, type: 'static' }))])),
  };
  write('.nx/workspace-data/project-graph.json', JSON.stringify(graph));

  // Twenty ADRs, as a team a few years in has: four enforce something, the rest are prose.
  const adrs = [
    adr(0, 'Record architecture decisions', 'accepted'),
    adr(1, 'Use dayjs and the platform logger', 'accepted', '  bannedImports:\n    - name: moment\n      use: dayjs\n    - name: winston\n      use: "@fx/logger"\n    - name: request\n    - name: "@aws-sdk/*"\n'),
    adr(2, 'Keep shared code shared', 'accepted', '  dependencyConstraints:\n    - sourceTag: "scope:shared"\n      onlyDependOnLibsWithTags: ["scope:shared"]\n    - sourceTag: "type:util"\n      notDependOnLibsWithTags: ["type:feature"]\n    - sourceTag: "scope:web"\n      bannedExternalImports: ["lodash", "lodash/*"]\n'),
    adr(3, 'Log through the platform logger', 'accepted', '  restrictedSyntax:\n    - selector: "CallExpression[callee.object.name=\'console\']"\n      message: Log through @fx/logger\n      files: ["libs/lib-1*/**"]\n    - selector: TSEnumDeclaration\n      message: Use a union of string literals\n'),
    adr(4, 'Use lodash everywhere', 'superseded', '  bannedImports:\n    - name: underscore\n'),
    adr(5, 'Orders flow through the event bus', 'accepted'),
    adr(6, 'Adopt zod for validation', 'proposed', '  bannedImports:\n    - name: yup\n'),
  ];
  for (let n = 7; n < 20; n++) adrs.push(adr(n, `Decision number ${n}`, n % 4 === 0 ? 'deprecated' : 'accepted'));
  for (const [path, text] of adrs) write(path, text);
  return { projects: projects.length, files: written, adrs: adrs.length };
}

// ---------------------------------------------------------------------------------------------
// Linting
// ---------------------------------------------------------------------------------------------

if (args.build !== 'false' && args['no-build'] === undefined) {
  log('Building @fx/adr-nx (nx build adr-nx)...');
  execFileSync('npx', ['nx', 'build', 'adr-nx', '--outputStyle=static'], { cwd: repo, stdio: 'pipe', env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' } });
}
const dist = join(repo, 'dist', 'packages', 'adr-nx', 'src', 'eslint');
const adrNx = require(join(dist, 'index.js'));
const { loadCounts, resetCaches } = require(join(dist, 'utils', 'caches.js'));
const { ESLint } = require('eslint');
const js = require('@eslint/js');
const tsParser = require('@typescript-eslint/parser');
const tseslint = require('typescript-eslint');

const made = generateWorkspace();
log(`Workspace: ${made.files} files in ${made.projects} projects, ${made.adrs} ADRs (tmp/bench-lint)`);
log(`Node ${process.version}, ESLint ${ESLint.version}, ${RUNS} interleaved runs each way, baseline: ${BASELINE === 'ts' ? 'ESLint + typescript-eslint recommended (as Nx generates)' : 'ESLint recommended'}`);

// The "without" config. Default `ts`: what Nx generates for a TypeScript workspace (its
// flat/typescript config is ESLint's and typescript-eslint's recommended rules, no type
// information). `--baseline=js`: ESLint's recommended rules only, a cheaper baseline.
const base = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType: 'module' } },
  { files: ['**/*.ts'], ...js.configs.recommended, rules: { ...js.configs.recommended.rules, 'no-unused-vars': 'off', 'no-undef': 'off' } },
  ...(BASELINE === 'ts' ? tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts'] })) : []),
];
const withAdr = [...base, adrNx.configs.recommended];

/** CPU time of this process (user + system), in ms: steadier than wall time on a shared machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function lintAll(config, stats = false) {
  const eslint = new ESLint({ cwd: ws, overrideConfigFile: true, overrideConfig: config, stats, cache: false });
  const start = performance.now();
  const cpuStart = cpuMs();
  const results = await eslint.lintFiles(['libs']);
  return { ms: performance.now() - start, cpu: cpuMs() - cpuStart, results };
}

const problemsByRule = (results) => {
  const counts = {};
  for (const r of results) for (const m of r.messages) if (m.ruleId?.startsWith('@fx/adr-nx/')) counts[m.ruleId] = (counts[m.ruleId] ?? 0) + 1;
  return counts;
};

log('\nWarm-up (not counted)...');
await lintAll(base);
resetCaches();
const warm = await lintAll(withAdr);
log(`ADR problems found: ${JSON.stringify(problemsByRule(warm.results))}`);

const wall = { without: [], with: [] };
const cpu = { without: [], with: [] };
for (let i = 0; i < RUNS; i++) {
  const order = i % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
  for (const kind of order) {
    if (kind === 'with') resetCaches(); // as in a fresh `eslint` process: ADRs and graph load once
    const run = await lintAll(kind === 'with' ? withAdr : base);
    if (run.results.length !== made.files) throw new Error(`linted ${run.results.length} files, expected ${made.files}`);
    wall[kind].push(run.ms);
    cpu[kind].push(run.cpu);
    log(`  run ${i + 1} ${kind.padEnd(7)} wall ${ms(run.ms).padStart(9)}  cpu ${ms(run.cpu).padStart(9)}`);
  }
}
const ratio = median(cpu.with) / median(cpu.without);
const wallRatio = median(wall.with) / median(wall.without);
log(`\nWhole workspace (${made.files} files), medians of ${RUNS} runs each:`);
log(`  cpu:  without ${ms(median(cpu.without))}, with ADR rules ${ms(median(cpu.with))}, ratio ${ratio.toFixed(3)}`);
log(`  wall: without ${ms(median(wall.without))}, with ADR rules ${ms(median(wall.with))}, ratio ${wallRatio.toFixed(3)}`);
log(`RATIO with/without (cpu): ${ratio.toFixed(3)} (goal <= 1.05) ${ratio <= 1.05 ? 'MET' : 'NOT MET'}`);
log(`Per file: ${(((median(cpu.with) - median(cpu.without)) / made.files) * 1000).toFixed(1)} µs of cpu added by the ADR rules`);

// Each rule's share, from ESLint's own timing (stats: true).
resetCaches();
const statsRun = await lintAll(withAdr, true);
const ruleTotals = {};
let lintTotal = 0;
for (const r of statsRun.results) {
  for (const pass of r.stats?.times?.passes ?? []) {
    lintTotal += pass.total;
    for (const [rule, { total }] of Object.entries(pass.rules ?? {})) ruleTotals[rule] = (ruleTotals[rule] ?? 0) + total;
  }
}
log(`\nRule times (ESLint stats, one run with the ADR rules; total lint time ${ms(lintTotal)}):`);
for (const [rule, total] of Object.entries(ruleTotals).sort((a, b) => b[1] - a[1])) {
  if (rule.startsWith('@fx/adr-nx/') || total / lintTotal > 0.01) log(`  ${rule.padEnd(34)} ${total.toFixed(1).padStart(8)} ms  ${((total / lintTotal) * 100).toFixed(2).padStart(6)} %`);
}
const adrShare = Object.entries(ruleTotals).filter(([r]) => r.startsWith('@fx/adr-nx/')).reduce((s, [, t]) => s + t, 0);
log(`  ${'all @fx/adr-nx rules'.padEnd(34)} ${adrShare.toFixed(1).padStart(8)} ms  ${((adrShare / lintTotal) * 100).toFixed(2).padStart(6)} %`);

// ---------------------------------------------------------------------------------------------
// The editor: one long-lived ESLint instance, lintText on every change of one file.
// ---------------------------------------------------------------------------------------------

const editorFile = join(ws, 'libs', `lib-${String(Math.floor(made.projects / 2)).padStart(3, '0')}`, 'src', 'file-3.ts');
const editorText = readFileSync(editorFile, 'utf8');
/** One long-lived ESLint instance per config, as an editor keeps; lintText on every keystroke. */
async function editorInstance(config) {
  const eslint = new ESLint({ cwd: ws, overrideConfigFile: true, overrideConfig: config });
  await eslint.lintText(editorText, { filePath: editorFile }); // the editor's first lint
  return eslint;
}
let keystroke = 0;
async function typeInto(eslint, calls) {
  const start = cpuMs();
  let messages = 0;
  for (let i = 0; i < calls; i++) {
    // The buffer changes on every keystroke: lint a slightly different text each time.
    const [result] = await eslint.lintText(`${editorText}\nexport const keystroke${keystroke} = ${keystroke++};\n`, { filePath: editorFile });
    messages = result.messages.length;
  }
  return { perCall: (cpuMs() - start) / calls, messages };
}

log(`\nEditor: lintText of ${editorFile.slice(ws.length + 1)} ${EDITOR_CALLS} times through one ESLint instance (in 5 interleaved blocks each way)`);
resetCaches();
const before = loadCounts();
const editors = { without: await editorInstance(base), with: await editorInstance(withAdr) };
await typeInto(editors.without, 50); // warm-up
await typeInto(editors.with, 50);
const perCall = { without: [], with: [] };
let messagesInFile = 0;
for (let block = 0; block < 5; block++) {
  for (const kind of block % 2 === 0 ? ['without', 'with'] : ['with', 'without']) {
    const { perCall: cost, messages } = await typeInto(editors[kind], Math.ceil(EDITOR_CALLS / 5));
    perCall[kind].push(cost);
    if (kind === 'with') messagesInFile = messages;
  }
}
const after = loadCounts();
const plain = { perCall: median(perCall.without) };
const session = { perCall: median(perCall.with), eslint: editors.with, messages: messagesInFile };
log(`  cpu per call (median of blocks): without ${plain.perCall.toFixed(2)} ms, with ADR rules ${session.perCall.toFixed(2)} ms (${session.perCall >= plain.perCall ? '+' : ''}${(session.perCall - plain.perCall).toFixed(3)} ms, ratio ${(session.perCall / plain.perCall).toFixed(3)}); ${session.messages} problems in the file`);
const loadsDuring = (key) => after[key] - before[key];
log(`  loads during ${EDITOR_CALLS + 51} lints with the ADR rules: policy ${loadsDuring('policy')}, ADR index ${loadsDuring('adrIndex')}, project graph ${loadsDuring('projectGraph')}`);
if (loadsDuring('policy') > 1 || loadsDuring('projectGraph') > 1 || loadsDuring('adrIndex') > 1) throw new Error('the ADR rules reloaded per file');

// Editing an ADR (mtime and size change) is picked up by the very next lint, with one reload.
const edited = join(ws, 'docs', 'adr', '0001-use-dayjs-and-the-platform-logger.md');
appendFileSync(edited, '\nOne more sentence.\n');
await new Promise((resolve) => setTimeout(resolve, 1100)); // freshness is rechecked at most once a second
const beforeEdit = loadCounts();
await session.eslint.lintText(editorText, { filePath: editorFile });
await session.eslint.lintText(editorText, { filePath: editorFile });
const afterEdit = loadCounts();
log(`  after editing ${edited.slice(ws.length + 1)} and 1.1 s, two more lints: policy reloads ${afterEdit.policy - beforeEdit.policy}, project graph reloads ${afterEdit.projectGraph - beforeEdit.projectGraph}`);
if (afterEdit.policy - beforeEdit.policy !== 1) throw new Error('an edited ADR must be reloaded exactly once');

log(`\nbench:lint ratio=${ratio.toFixed(3)} editorPerCallMs=${session.perCall.toFixed(2)} editorBaselineMs=${plain.perCall.toFixed(2)}`);
