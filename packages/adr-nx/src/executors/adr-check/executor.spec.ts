import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ExecutorContext, ProjectGraph } from '@nx/devkit';
import { applyDecisionLog } from '../../adr/decision-log';
import { parseAdr } from '../../adr/parse';
import { clearPolicyCache } from '../../policy/load-policy';
import adrCheckExecutor from './executor';

const CONSTRAINT = `---
status: accepted
date: 2026-01-15
enforcement:
  dependencyConstraints:
    - sourceTag: "scope:shared"
      onlyDependOnLibsWithTags: ["scope:shared"]
---
# Shared code depends only on shared code
`;
const PREVIEW = `---
status: proposed
date: 2026-01-16
enforcement:
  requiredTargets: [e2e]
---
# Every project has e2e tests
`;

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function writeLog() {
  const adrs = ['0001-shared-code-depends-only-on-shared-code.md', '0002-every-project-has-e2e-tests.md'].map((n) => parseAdr(read(`docs/adr/${n}`), `docs/adr/${n}`));
  write('docs/adr/README.md', applyDecisionLog(null, adrs));
}

function graph(sharedDependsOnApp: boolean): ProjectGraph {
  const node = (name: string, projectRoot: string, tags: string[]) => ({ name, type: 'lib' as const, data: { root: projectRoot, tags, targets: { test: {} } } });
  return {
    nodes: { workspace: node('workspace', '.', []), shared: node('shared', 'libs/shared', ['scope:shared']), app: node('app', 'libs/app', ['scope:app']) },
    dependencies: { workspace: [], shared: sharedDependsOnApp ? [{ source: 'shared', target: 'app', type: 'static' }] : [], app: [] },
  } as ProjectGraph;
}

function context(projectName: string, projectGraph: ProjectGraph): ExecutorContext {
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName,
    projectGraph,
    projectsConfigurations: { version: 2, projects: {} },
    nxJsonConfiguration: { plugins: [{ plugin: '@fx/adr-nx', options: { adrDirectory: 'docs/adr' } }] },
  } as ExecutorContext;
}

async function run(projectName: string, options: Record<string, unknown> = {}, projectGraph = graph(true)) {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  try {
    const result = await adrCheckExecutor(options, context(projectName, projectGraph));
    return { ...result, out };
  } finally {
    spy.mockRestore();
  }
}

beforeEach(() => {
  clearPolicyCache();
  root = mkdtempSync(join(tmpdir(), 'adr-check-executor-'));
  write('libs/shared/project.json', JSON.stringify({ name: 'shared', tags: ['scope:shared'] }, null, 2));
  write('libs/app/project.json', JSON.stringify({ name: 'app', tags: ['scope:app'] }, null, 2));
  write('docs/adr/0001-shared-code-depends-only-on-shared-code.md', CONSTRAINT);
  write('docs/adr/0002-every-project-has-e2e-tests.md', PREVIEW);
  writeLog();
  delete process.env.GITHUB_ACTIONS;
  delete process.env.GITHUB_STEP_SUMMARY;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('@fx/adr-nx:adr-check', () => {
  it('fails a project that breaks an accepted ADR, citing the ADR, and previews the proposed one as a warning', async () => {
    const { success, out } = await run('shared');
    expect(success).toBe(false);
    expect(out).toContain('Project "shared" against 2 rules of the ADRs: 1 error, 1 warning');
    expect(out).toContain('libs/shared/project.json');
    expect(out).toContain('"shared" depends on "app": A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared" (ADR-0001 "Shared code depends only on shared code" (docs/adr/0001-shared-code-depends-only-on-shared-code.md:6))');
    expect(out).toContain('[if accepted] project "shared" has no "e2e" target (proposed ADR-0002');
    expect(out).toContain('✖ adr-check failed: 1 error, 1 warning');
    expect(out).not.toContain('ADR documents');
  });

  it('passes when the only findings are "if accepted" previews', async () => {
    const { success, out } = await run('shared', {}, graph(false));
    expect(success).toBe(true);
    expect(out).toContain('✔ adr-check passed with 1 warning');
    expect((await run('shared', { preview: false }, graph(false))).out).toContain('✔ adr-check passed\n');
  });

  it('checks the documents only where `documents` is on, and not the workspace root project\'s compliance', async () => {
    write('docs/adr/0003-broken.md', '---\nstatus: accepted\ndate: 2026-01-17\nsuperseded-by: 7\n---\n# Broken\n');
    const { success, out } = await run('workspace', { documents: true });
    expect(success).toBe(false);
    expect(out).toContain('ADR documents in docs/adr: 3 files, 3 errors, 0 warnings');
    expect(out).toContain('superseded-by: 7 points at no ADR (there is no ADR-0007 in this folder)');
    expect(out).toContain('the decision log is out of date (ADR-0003 missing)');
    expect(out).toContain('Project "workspace": compliance not checked (the workspace root project holds workspace tooling');
  });

  it('--fix repairs the decision log through the ADR model, then reports what is left', async () => {
    write('docs/adr/0003-later.md', '---\nstatus: accepted\ndate: 2026-01-17\n---\n# Later\n');
    const { success, out } = await run('workspace', { documents: true, fix: true });
    expect(success).toBe(true);
    expect(out).toContain('Fixed 1 file: docs/adr/README.md');
    expect(read('docs/adr/README.md')).toContain('| [ADR-0003](0003-later.md) | Later | accepted | 2026-01-17 |');
  });

  it('--format=json prints one parseable object with the ADR cited in each finding', async () => {
    const { out } = await run('shared', { format: 'json' });
    const json = JSON.parse(out);
    expect(json).toMatchObject({ project: 'shared', adrDirectory: 'docs/adr', success: false, errors: 1, warnings: 1 });
    expect(json.compliance.findings[1]).toMatchObject({
      code: 'compliance/dependency-constraint',
      severity: 'error',
      file: 'libs/shared/project.json',
      project: 'shared',
      fixable: false,
      adr: { id: 'ADR-0001', number: 1, title: 'Shared code depends only on shared code', path: 'docs/adr/0001-shared-code-depends-only-on-shared-code.md', status: 'accepted' },
    });
  });

  it('under GitHub Actions prints ::error/::warning annotations and appends a Markdown summary', async () => {
    process.env.GITHUB_ACTIONS = 'true';
    process.env.GITHUB_STEP_SUMMARY = join(root, 'summary.md');
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, '# earlier step\n');
    const { out } = await run('shared');
    expect(out).toMatch(/^::error file=libs\/shared\/project\.json,line=\d+,col=\d+,title=adr-check compliance\/dependency-constraint::"shared" depends on "app": .*ADR-0001.*%0ARemove the dependency/m);
    expect(out).toMatch(/^::warning file=libs\/shared\/project\.json,.*\[if accepted\]/m);
    const summary = read('summary.md');
    expect(summary.startsWith('# earlier step\n### ❌ adr-check `shared`: 1 error, 1 warning')).toBe(true);
    expect(summary).toContain('| error | `libs/shared/project.json:');
  });

  it('reads the ADR folder from the plugin options in nx.json when the option is not given', async () => {
    rmSync(join(root, 'docs'), { recursive: true });
    const { success, out } = await run('workspace', { documents: true });
    expect(success).toBe(false);
    expect(out).toContain('the ADR folder docs/adr does not exist');
  });
});
