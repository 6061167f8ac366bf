import { readFileSync } from 'node:fs';
import { ESLint, loadESLint } from 'eslint';
import { adr, fixtureWorkspace, resetAllCaches } from './__fixtures__/workspace';
import plugin = require('./index');

const ws = fixtureWorkspace(
  Object.fromEntries([adr({ number: 7, title: 'Log through @fx/logger', enforcement: '  bannedImports:\n    - name: winston\n      use: "@fx/logger"\n' })]),
);
ws.write('libs/a/src/index.ts', "import winston from 'winston';\n// ADR-0042\nexport const log = winston;\n");
ws.write('libs/a/src/plain.js', "const w = require('winston');\nmodule.exports = w;\n");
afterAll(() => ws.cleanup());
beforeEach(resetAllCaches);

const expected = [
  ['libs/a/src/index.ts', '@fx/adr-nx/no-banned-imports', 2, 'winston\' is banned by ADR-0007 "Log through @fx/logger" (docs/adr/0007-log-through-fx-logger.md).'],
  ['libs/a/src/index.ts', '@fx/adr-nx/valid-adr-reference', 1, 'ADR-0042 does not exist'],
  ['libs/a/src/plain.js', '@fx/adr-nx/no-banned-imports', 2, 'winston\' is banned by ADR-0007'],
];

function summary(results: ESLint.LintResult[]) {
  return results.flatMap((r) => r.messages.map((m) => [r.filePath.slice(ws.root.length + 1), m.ruleId, m.severity, m.message]));
}

describe('the @fx/adr-nx ESLint plugin', () => {
  it('has meta, the four rules, and recommended configs for flat and eslintrc', () => {
    expect(plugin.meta).toEqual({ name: '@fx/adr-nx', version: expect.stringMatching(/^\d+\.\d+\.\d+/), namespace: '@fx/adr-nx' });
    expect(Object.keys(plugin.rules).sort()).toEqual(['module-boundaries', 'no-banned-imports', 'restricted-syntax', 'valid-adr-reference']);
    expect(plugin.configs.recommended.plugins['@fx/adr-nx']).toBe(plugin);
    expect(plugin.configs['legacy-recommended']).toEqual({ plugins: ['@fx/adr-nx'], rules: plugin.configs.recommended.rules });
    expect(plugin.configs.recommended.rules).toEqual({
      '@fx/adr-nx/no-banned-imports': 'error',
      '@fx/adr-nx/module-boundaries': 'error',
      '@fx/adr-nx/restricted-syntax': 'error',
      '@fx/adr-nx/valid-adr-reference': 'warn',
    });
  });

  it('configs.recommended runs in a flat config on JS and TS files', async () => {
    const tsParser = await import('@typescript-eslint/parser');
    const eslint = new ESLint({
      cwd: ws.root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended as never],
    });
    // lintText: ESLint's file globbing needs dynamic import(), which Jest's VM does not offer.
    const results = [];
    for (const file of ['libs/a/src/index.ts', 'libs/a/src/plain.js']) {
      results.push(...(await eslint.lintText(readFileSync(ws.path(file), 'utf8'), { filePath: ws.path(file) })));
    }
    expect(summary(results)).toEqual(expected.map(([f, r, s, m]) => [f, r, s, expect.stringContaining(m as string)]));
  });

  it("configs['legacy-recommended'] runs in an eslintrc config", async () => {
    const LegacyESLint = await loadESLint({ useFlatConfig: false });
    const eslint = new LegacyESLint({
      cwd: ws.root,
      useEslintrc: false,
      plugins: { '@fx/adr-nx': plugin },
      overrideConfig: {
        ...plugin.configs['legacy-recommended'],
        parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        overrides: [{ files: ['*.ts'], parser: require.resolve('@typescript-eslint/parser') }],
      },
      extensions: ['.js', '.ts'],
    } as never);
    const results = await eslint.lintFiles(['libs']);
    expect(summary(results)).toEqual(expected.map(([f, r, s, m]) => [f, r, s, expect.stringContaining(m as string)]));
  });
});
