import { createWorkspace, type E2eWorkspace } from './utils/workspace';

const CONSTRAINT_ADR = 'docs/adr/0001-shared-code-depends-only-on-shared-code.md';
const BROKEN_ADR = 'docs/adr/0002-use-pnpm.md';

const lib = (name: string, tags: string[], deps: Record<string, string> = {}) => ({
  [`libs/${name}/project.json`]: JSON.stringify({ name, projectType: 'library', tags }, null, 2) + '\n',
  [`libs/${name}/package.json`]: JSON.stringify({ name: `@acme/${name}`, version: '0.0.0', main: 'index.js', dependencies: deps }, null, 2) + '\n',
});

describe('adr-check in a workspace made from the packed tarball', () => {
  let ws: E2eWorkspace;

  beforeAll(() => {
    ws = createWorkspace('adr-check', {
      files: {
        ...lib('shared', ['scope:shared']),
        ...lib('feature', ['scope:feature']),
        // The violation: shared code importing a feature library.
        'libs/shared/index.js': "const feature = require('@acme/feature');\nmodule.exports = { feature };\n",
        'libs/feature/index.js': 'module.exports = 42;\n',
      },
    });
    ws.write(
      CONSTRAINT_ADR,
      [
        '---',
        'status: accepted',
        'date: 2026-01-15',
        'enforcement:',
        '  dependencyConstraints:',
        '    - sourceTag: "scope:shared"',
        '      onlyDependOnLibsWithTags: ["scope:shared"]',
        '---',
        '# Shared code depends only on shared code',
        '',
        'Shared libraries are used everywhere; a dependency on a feature would drag it along.',
        '',
      ].join('\n'),
    );
    // Broken: a link to an ADR that does not exist, and a second H1.
    ws.write(BROKEN_ADR, '---\nstatus: accepted\ndate: 2026-01-16\n---\n# Use pnpm\n\nSee [the old decision](0009-use-yarn.md).\n\n# Details\n');
    expect(ws.nx('run @acme/adr-check:adr-check --fix').output).toContain('Fixed 1 file: docs/adr/README.md');
  });

  it('nx run-many -t adr-check fails on a violating dependency and a broken ADR, citing the ADR', () => {
    const summary = `${ws.root}/step-summary.md`;
    const result = ws.nx('run-many -t adr-check', { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(result.code).not.toBe(0);
    const out = result.output;
    expect(out).toContain(
      '"shared" depends on "feature": A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared" (ADR-0001 "Shared code depends only on shared code" (docs/adr/0001-shared-code-depends-only-on-shared-code.md:6))',
    );
    expect(out).toContain('more than one H1 ("Details")');
    expect(out).toContain('the link to "0009-use-yarn.md" does not resolve (there is no docs/adr/0009-use-yarn.md)');
    expect(out).toMatch(/^::error file=docs\/adr\/0002-use-pnpm\.md,line=7,col=5,title=adr-check link\/broken::/m);
    expect(out).toMatch(/^::error file=libs\/shared\/project\.json,.*ADR-0001/m);
    // The documents are checked once per run, by the workspace root project.
    expect(out.match(/ADR documents in docs\/adr/g)).toHaveLength(1);
    expect(ws.read('step-summary.md')).toContain('### ❌ adr-check `shared`: 1 error');
  });

  it('passes once both are fixed, and the second run is a cache hit', () => {
    ws.write('libs/shared/index.js', 'module.exports = {};\n');
    ws.write(BROKEN_ADR, '---\nstatus: accepted\ndate: 2026-01-16\n---\n# Use pnpm\n\nSee [the first decision](0000-record-architecture-decisions.md).\n\n## Details\n');
    const fixed = ws.nx('run-many -t adr-check');
    expect(fixed.code).toBe(0);
    expect(fixed.output).toContain('Successfully ran target adr-check for 3 projects');

    const again = ws.nx('run-many -t adr-check');
    expect(again.code).toBe(0);
    expect(again.output).toContain('Nx read the output from the cache instead of running the command for 3 out of 3 tasks');
  });
});
