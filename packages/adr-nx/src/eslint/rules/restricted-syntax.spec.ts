import { Linter } from 'eslint';
import { plainJs, RuleTester, tested } from '../__fixtures__/rule-tester';
import { adr, fixtureWorkspace, resetAllCaches } from '../__fixtures__/workspace';
import rule, { selectorProblem } from './restricted-syntax';

const CONSOLE = adr({
  number: 4,
  title: 'Lambdas log through @fx/logger',
  enforcement:
    '  restrictedSyntax:\n' +
    '    - selector: "CallExpression[callee.object.name=\'console\']"\n' +
    '      message: Log through @fx/logger so logs are structured.\n' +
    '      files: ["apps/*-lambda/**"]\n' +
    '    - selector: TSEnumDeclaration\n' +
    '      message: Use a union of string literals\n',
});
const BROKEN = adr({
  number: 5,
  title: 'No with statements',
  enforcement: '  restrictedSyntax:\n    - selector: "CallExpression[callee.name="\n    - selector: DebuggerStatement\n',
});

const ws = fixtureWorkspace(Object.fromEntries([CONSOLE]));
const brokenWs = fixtureWorkspace(Object.fromEntries([CONSOLE, BROKEN]));
afterAll(() => [ws, brokenWs].forEach((w) => w.cleanup()));
beforeEach(resetAllCaches);

const lambda = ws.path('apps/orders-lambda/src/handler.ts');
const adr4 = 'ADR-0004 "Lambdas log through @fx/logger" (docs/adr/0004-lambdas-log-through-fx-logger.md)';
const consoleError = { messageId: 'restricted' as const, data: { what: 'Log through @fx/logger so logs are structured', adr: adr4, preview: '' } };

const ruleTester = new RuleTester();

ruleTester.run('restricted-syntax', tested(rule), {
  valid: [
    { name: 'console outside the files the entry names', filename: ws.path('apps/web/src/main.ts'), code: "console.log('hi');" },
    { name: 'other calls in a lambda', filename: lambda, code: "logger.info('hi');" },
  ],
  invalid: [
    { name: 'console in a lambda (TypeScript parser)', filename: lambda, code: "console.log('hi');", errors: [consoleError] },
    {
      name: 'console in a lambda (espree, plain JS)',
      filename: ws.path('apps/orders-lambda/src/handler.js'),
      code: "console.warn('a'); console.error('b');",
      languageOptions: plainJs(),
      errors: [consoleError, consoleError],
    },
    {
      name: 'an entry without files applies everywhere; TS-only selectors work with the TS parser',
      filename: ws.path('libs/x/src/kind.ts'),
      code: 'enum Kind { A, B }',
      errors: [{ messageId: 'restricted', data: { what: 'Use a union of string literals', adr: adr4, preview: '' } }],
    },
    {
      name: 'adrBaseUrl template',
      filename: lambda,
      code: 'console.log(1);',
      options: [{ adrBaseUrl: 'https://backstage.example.com/catalog/default/component/orders/adrs?record={file}' }],
      errors: [
        {
          messageId: 'restricted',
          data: {
            what: 'Log through @fx/logger so logs are structured',
            adr: 'ADR-0004 "Lambdas log through @fx/logger" (https://backstage.example.com/catalog/default/component/orders/adrs?record=0004-lambdas-log-through-fx-logger.md)',
            preview: '',
          },
        },
      ],
    },
    {
      name: 'a bad selector is one problem naming the ADR file; lint goes on with the others',
      filename: brokenWs.path('apps/orders-lambda/src/handler.ts'),
      code: 'debugger; console.log(1);',
      errors: [
        { messageId: 'brokenEnforcement', line: 1, column: 1 },
        { messageId: 'restricted', data: { what: 'Code matching "DebuggerStatement" is not allowed here', adr: 'ADR-0005 "No with statements" (docs/adr/0005-no-with-statements.md)', preview: '' } },
        consoleError,
      ],
    },
  ],
});

describe('restricted-syntax selectors', () => {
  it('rejects what ESLint would throw on, with the parser ESLint uses', () => {
    expect(selectorProblem("CallExpression[callee.object.name='console']")).toBeNull();
    expect(selectorProblem('Identifier:exit')).toBeNull();
    expect(selectorProblem('CallExpression[callee.name=')).toMatch(/Expected/);
  });

  it('the bad-selector problem names the ADR file, line and the parse error', () => {
    const linter = new Linter({ configType: 'flat', cwd: brokenWs.root });
    const messages = linter.verify(
      'debugger;',
      [{ files: ['**/*.js'], plugins: { adr: { rules: { 'restricted-syntax': rule } } }, rules: { 'adr/restricted-syntax': 'error' } }] as never,
      brokenWs.path('libs/a/index.js'),
    );
    expect(messages.map((m) => m.message)).toEqual([
      expect.stringMatching(/^docs\/adr\/0005-no-with-statements\.md:6:7: ADR-0005: restrictedSyntax selector "CallExpression\[callee\.name=" is not a valid ESLint selector \(Expected .*\); this entry is not enforced\. Write an AST selector/),
      'Code matching "DebuggerStatement" is not allowed here: restricted by ADR-0005 "No with statements" (docs/adr/0005-no-with-statements.md).',
    ]);
  });
});
