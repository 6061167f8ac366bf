import { createWorkspace, type E2eWorkspace } from './utils/workspace';

/*
 * The ESLint rules in real Nx workspaces made from the packed tarballs, linted through
 * @nx/eslint's inferred `lint` target: one workspace on eslintrc (ESLint 9, which Nx runs with
 * ESLINT_USE_FLAT_CONFIG=false) and one on a flat eslint.config.mjs (ESLint 10).
 */

const NX_JSON = JSON.stringify(
  { $schema: './node_modules/nx/schemas/nx-schema.json', namedInputs: { default: ['{projectRoot}/**/*'] }, plugins: [{ plugin: '@nx/eslint/plugin', options: { targetName: 'lint' } }] },
  null,
  2,
);

/** An accepted ADR that bans winston, as a team would write it. */
const BANNING_ADR = [
  '---',
  'status: accepted',
  'date: 2026-11-20',
  'decision-makers: [platform-team]',
  'enforcement:',
  '  bannedImports:',
  '    - name: winston',
  '      use: "@fx/logger"',
  '---',
  '',
  '# Log through the platform logger',
  '',
  '## Context and Problem Statement',
  '',
  'Logs must be structured.',
  '',
].join('\n');
const ADR_0001 = 'ADR-0001 "Log through the platform logger" (docs/adr/0001-log-through-the-platform-logger.md)';

function lint(ws: E2eWorkspace) {
  return ws.nx('run-many -t lint --outputStyle=static');
}

/**
 * No ADR -> lint passes (and is cached); an accepted ADR -> lint fails citing it (the ADRs are
 * lint inputs, so the cache does not hide it); a new ADR superseding it -> lint passes.
 */
function expectAdrDrivesLint(ws: E2eWorkspace, file: string): ReturnType<typeof lint> {
  const clean = lint(ws);
  expect(clean.output).not.toContain('is banned by');
  expect(clean.code).toBe(0);

  ws.write('docs/adr/0001-log-through-the-platform-logger.md', BANNING_ADR);
  const failing = lint(ws);
  expect(failing.code).not.toBe(0);
  expect(failing.output).toContain(file);
  // ESLint's stylish formatter drops a message's final period.
  expect(failing.output).toContain(`'winston' is banned by ${ADR_0001}. Use '@fx/logger' instead  @fx/adr-nx/no-banned-imports`);
  expect(failing.output).toMatch(/\d+:\d+ +error +'winston' is banned/);

  const supersede = ws.nx('g @fx/adr-nx:adr "Log through OpenTelemetry" --supersedes=1 --status=accepted');
  expect(supersede.code).toBe(0);
  const passing = lint(ws);
  expect(passing.output).not.toContain('is banned by');
  expect(passing.code).toBe(0);
  return passing;
}

describe('ESLint rules in an eslintrc workspace (ESLint 9, .eslintrc.json)', () => {
  let ws: E2eWorkspace;

  beforeAll(() => {
    ws = createWorkspace('eslint-eslintrc', {
      packages: ['@nx/eslint@23.2.1', 'eslint@9.39.5'],
      files: {
        'nx.json': NX_JSON,
        '.eslintrc.json': JSON.stringify({ root: true, ignorePatterns: ['**/node_modules/**'], parserOptions: { ecmaVersion: 'latest', sourceType: 'module' }, overrides: [] }, null, 2),
        'libs/orders/package.json': JSON.stringify({ name: '@acme/orders', version: '0.0.0' }),
        'libs/orders/src/index.js': "import winston from 'winston';\n\n// Orders are logged as ADR-0001 says.\nexport const log = winston.createLogger();\n",
      },
    });
  });

  it('init extends legacy-recommended, which eslintrc loads from @fx/eslint-plugin-adr-nx', () => {
    const config = JSON.parse(ws.read('.eslintrc.json'));
    expect(config.overrides).toContainEqual(expect.objectContaining({ extends: ['plugin:@fx/adr-nx/legacy-recommended'] }));
    expect(JSON.parse(ws.read('package.json')).devDependencies['@fx/eslint-plugin-adr-nx']).toBeDefined();
    expect(ws.exists('node_modules/@fx/eslint-plugin-adr-nx/package.json')).toBe(true);
    const target = JSON.parse(ws.nx('show project @acme/orders --json').stdout).targets.lint;
    expect(target.options.env).toEqual({ ESLINT_USE_FLAT_CONFIG: 'false' });
    expect(target.inputs).toContain('{workspaceRoot}/docs/adr/*.md');
  });

  it('an accepted ADR banning winston fails nx lint with its id and title; superseding it makes lint pass', () => {
    const passing = expectAdrDrivesLint(ws, 'libs/orders/src/index.js');
    // The comment citing ADR-0001 now warns and names the successor.
    expect(passing.output).toContain(`${ADR_0001} is superseded by ADR-0002 "Log through OpenTelemetry" (docs/adr/0002-log-through-opentelemetry.md). Cite ADR-0002 instead  @fx/adr-nx/valid-adr-reference`);
    expect(passing.output).toMatch(/\d+:\d+ +warning +ADR-0001 "Log through the platform logger"/);
  });
});

describe('ESLint rules in a flat-config workspace (ESLint 10, eslint.config.mjs)', () => {
  let ws: E2eWorkspace;

  beforeAll(() => {
    ws = createWorkspace('eslint-flat', {
      packages: ['@nx/eslint@23.2.1', 'eslint@10', '@typescript-eslint/parser@8.73.0'],
      files: {
        'nx.json': NX_JSON,
        'eslint.config.mjs': [
          "import tsParser from '@typescript-eslint/parser';",
          '',
          'export default [',
          "  { ignores: ['**/node_modules', '**/dist'] },",
          "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
          '];',
          '',
        ].join('\n'),
        'libs/billing/package.json': JSON.stringify({ name: '@acme/billing', version: '0.0.0', nx: { tags: ['scope:billing'] } }),
        'libs/billing/src/index.ts': "import { createLogger } from 'winston';\n\nexport const log: unknown = createLogger();\n",
        'libs/shared/package.json': JSON.stringify({ name: '@acme/shared', version: '0.0.0', nx: { tags: ['scope:shared'] } }),
        'libs/shared/src/index.ts': "export { log } from '@acme/billing';\n",
      },
    });
  });

  it('init adds adrNx.configs.recommended to eslint.config.mjs; ESLint 10 is what runs', () => {
    expect(ws.read('eslint.config.mjs')).toContain("import adrNx from '@fx/adr-nx/eslint';");
    expect(ws.read('eslint.config.mjs')).toContain('  adrNx.configs.recommended,\n];');
    expect(ws.run('npx eslint --version').stdout.trim()).toMatch(/^v10\./);
  });

  it('an accepted ADR fails nx lint with its id and title, module boundaries from the Nx graph included; superseding it makes lint pass', () => {
    ws.write(
      'docs/adr/0002-shared-code-stays-shared.md',
      [
        '---',
        'status: accepted',
        'date: 2026-11-20',
        'enforcement:',
        '  dependencyConstraints:',
        '    - sourceTag: "scope:shared"',
        '      onlyDependOnLibsWithTags: ["scope:shared"]',
        '---',
        '',
        '# Shared code stays shared',
        '',
      ].join('\n'),
    );
    const boundaries = lint(ws);
    expect(boundaries.code).not.toBe(0);
    expect(boundaries.output).toContain(
      `'@acme/billing' (project @acme/billing) breaks ADR-0002 "Shared code stays shared" (docs/adr/0002-shared-code-stays-shared.md): A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared"  @fx/adr-nx/module-boundaries`,
    );
    ws.run('rm docs/adr/0002-shared-code-stays-shared.md');
    expectAdrDrivesLint(ws, 'libs/billing/src/index.ts');
  });
});
