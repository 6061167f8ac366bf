import { join } from 'node:path';
import { plainJs, RuleTester, tested } from '../__fixtures__/rule-tester';
import { Linter } from 'eslint';
import { adr, fixtureWorkspace, resetAllCaches } from '../__fixtures__/workspace';
import rule, { replacementFor } from './no-banned-imports';

const LOGGING = adr({
  number: 7,
  title: 'Log through @fx/logger',
  enforcement: '  bannedImports:\n    - name: winston\n      use: "@fx/logger"\n      message: Logs must be structured.\n    - name: "@aws-sdk/*"\n    - name: fs\n',
});
const PROPOSED = adr({ number: 8, title: 'Use dayjs', status: 'proposed', enforcement: '  bannedImports:\n    - name: moment\n      use: dayjs\n' });
const SUPERSEDED = adr({ number: 3, title: 'Ban lodash', status: 'superseded', extra: 'superseded-by: 7\n', enforcement: '  bannedImports:\n    - name: lodash\n' });
// A typo'd key and a bad tag regex: neither can be enforced; the valid entry still is.
const BROKEN = adr({
  number: 9,
  title: 'Broken ban',
  enforcement: '  bannedImport:\n    - name: left-pad\n  bannedImports:\n    - name: request\n  dependencyConstraints:\n    - sourceTag: "/[/"\n      onlyDependOnLibsWithTags: ["*"]\n',
});

const ws = fixtureWorkspace(Object.fromEntries([LOGGING, PROPOSED, SUPERSEDED]));
const brokenWs = fixtureWorkspace(Object.fromEntries([LOGGING, BROKEN]));
const bareWs = fixtureWorkspace({});
afterAll(() => [ws, brokenWs, bareWs].forEach((w) => w.cleanup()));
beforeEach(resetAllCaches);

const file = ws.path('libs/app/src/main.ts');
const cite = 'ADR-0007 "Log through @fx/logger" (docs/adr/0007-log-through-fx-logger.md)';
const advice = " Logs must be structured. Use '@fx/logger' instead.";
const winston = (output: string) => ({
  messageId: 'banned' as const,
  data: { specifier: 'winston', adr: cite, advice },
  suggestions: [{ messageId: 'useReplacement' as const, data: { replacement: '@fx/logger', id: 'ADR-0007' }, output }],
});
const js = plainJs('commonjs');

const ruleTester = new RuleTester();

ruleTester.run('no-banned-imports', tested(rule), {
  valid: [
    { filename: file, code: "import { log } from '@fx/logger';\nimport x from './winston';" },
    { name: 'a superseded ADR bans nothing', filename: file, code: "import _ from 'lodash';" },
    { name: 'a proposed ADR is not enforced without preview', filename: file, code: "import moment from 'moment';" },
    { name: 'a package that only starts like a banned one', filename: file, code: "import w from 'winston-transport';" },
    { name: 'no ADR folder: the rule does nothing', filename: bareWs.path('src/a.ts'), code: "import w from 'winston';" },
    { name: 'computed require is not a static import', filename: file, code: 'const w = require(name);', languageOptions: js },
  ],
  invalid: [
    { filename: file, code: "import winston from 'winston';", errors: [winston("import winston from '@fx/logger';")] },
    { name: 'export from', filename: file, code: 'export { format } from "winston";', errors: [winston('export { format } from "@fx/logger";')] },
    { name: 'export * from', filename: file, code: "export * from 'winston';", errors: [winston("export * from '@fx/logger';")] },
    { name: 'dynamic import', filename: file, code: "const w = await import('winston');", errors: [winston("const w = await import('@fx/logger');")] },
    { name: 'TypeScript import = require', filename: file, code: "import w = require('winston');", errors: [winston("import w = require('@fx/logger');")] },
    { name: 'require() in plain JS (espree)', filename: ws.path('libs/app/src/main.js'), code: "const w = require('winston');", languageOptions: js, errors: [winston("const w = require('@fx/logger');")] },
    { name: 'template literal', filename: file, code: 'const w = require(`winston`);', errors: [winston('const w = require(`@fx/logger`);')] },
    {
      name: 'deep import keeps its subpath in the suggestion',
      filename: file,
      code: "import t from 'winston/lib/transports';",
      errors: [
        {
          messageId: 'banned',
          data: { specifier: 'winston/lib/transports', adr: cite, advice },
          suggestions: [{ messageId: 'useReplacement', data: { replacement: '@fx/logger/lib/transports', id: 'ADR-0007' }, output: "import t from '@fx/logger/lib/transports';" }],
        },
      ],
    },
    {
      name: 'glob ban without replacement: no suggestion',
      filename: file,
      code: "import { S3 } from '@aws-sdk/client-s3';",
      errors: [{ messageId: 'banned', data: { specifier: '@aws-sdk/client-s3', adr: cite, advice: '' }, suggestions: [] }],
    },
    {
      name: 'node: prefix is the same module',
      filename: file,
      code: "import { readFileSync } from 'node:fs';",
      errors: [{ messageId: 'banned', data: { specifier: 'node:fs', adr: cite, advice: '' }, suggestions: [] }],
    },
    {
      name: 'adrBaseUrl links to the Backstage ADR page',
      filename: file,
      code: "import 'winston';",
      options: [{ adrBaseUrl: 'https://backstage.example.com/catalog/default/component/web/adrs?record=' }],
      errors: [
        {
          messageId: 'banned',
          data: { specifier: 'winston', adr: 'ADR-0007 "Log through @fx/logger" (https://backstage.example.com/catalog/default/component/web/adrs?record=0007-log-through-fx-logger.md)', advice },
          suggestions: [{ messageId: 'useReplacement', data: { replacement: '@fx/logger', id: 'ADR-0007' }, output: "import '@fx/logger';" }],
        },
      ],
    },
    {
      name: 'preview reports what a proposed ADR would ban, marked as such',
      filename: file,
      code: "import moment from 'moment';",
      options: [{ preview: true }],
      errors: [
        {
          messageId: 'banned',
          data: { specifier: 'moment', adr: 'ADR-0008 "Use dayjs" (docs/adr/0008-use-dayjs.md)', advice: " Use 'dayjs' instead. (preview: ADR-0008 is proposed)" },
          suggestions: [{ messageId: 'useReplacement', data: { replacement: 'dayjs', id: 'ADR-0008' }, output: "import moment from 'dayjs';" }],
        },
      ],
    },
    {
      name: 'settings["@fx/adr-nx"] sets options for every rule',
      filename: file,
      code: "import 'winston';",
      settings: { '@fx/adr-nx': { adrBaseUrl: 'https://git.example.com/docs/adr/{file}' } },
      errors: [
        {
          messageId: 'banned',
          data: { specifier: 'winston', adr: 'ADR-0007 "Log through @fx/logger" (https://git.example.com/docs/adr/0007-log-through-fx-logger.md)', advice },
          suggestions: [{ messageId: 'useReplacement', data: { replacement: '@fx/logger', id: 'ADR-0007' }, output: "import '@fx/logger';" }],
        },
      ],
    },
    {
      name: 'a broken entry is one problem naming the ADR file; the other entries still apply',
      filename: brokenWs.path('src/a.ts'),
      code: "import r from 'request';",
      errors: [
        {
          messageId: 'brokenEnforcement',
          line: 1,
          column: 1,
          data: {
            where: 'docs/adr/0009-broken-ban.md:5:3',
            message: 'ADR-0009: unknown enforcement key "bannedImport"; this entry is not enforced',
            hint: ' Use bannedImports, dependencyConstraints, restrictedSyntax, requiredTags, requiredTargets.',
          },
        },
        {
          messageId: 'brokenEnforcement',
          line: 1,
          column: 1,
          data: {
            where: 'docs/adr/0009-broken-ban.md:10:18',
            message: 'ADR-0009: tag pattern "/[/" is not a valid regular expression (Invalid regular expression: /[/: Unterminated character class); this entry is not enforced',
            hint: ' Write a tag, `*`, a wildcard such as `scope:*`, or a regular expression between slashes, e.g. `/^scope:/`.',
          },
        },
        { messageId: 'banned', data: { specifier: 'request', adr: 'ADR-0009 "Broken ban" (docs/adr/0009-broken-ban.md)', advice: '' } },
      ],
    },
  ],
});

describe('no-banned-imports on broken ADRs and missing folders', () => {
  const lint = (root: string, name: string) => {
    const linter = new Linter({ configType: 'flat', cwd: root });
    return linter.verify("import r from 'request';", [{ files: ['**/*.ts'], plugins: { adr: { rules: { 'no-banned-imports': rule } } }, rules: { 'adr/no-banned-imports': 'error' } }] as never, join(root, name));
  };

  it('reports a broken entry once per process, on the first file linted, and again when that file is linted again', () => {
    const first = lint(brokenWs.root, 'src/a.ts');
    expect(first.map((m) => m.message)).toEqual([
      'docs/adr/0009-broken-ban.md:5:3: ADR-0009: unknown enforcement key "bannedImport"; this entry is not enforced. Use bannedImports, dependencyConstraints, restrictedSyntax, requiredTags, requiredTargets.',
      expect.stringContaining('docs/adr/0009-broken-ban.md:10:18: ADR-0009: tag pattern "/[/" is not a valid regular expression'),
      '\'request\' is banned by ADR-0009 "Broken ban" (docs/adr/0009-broken-ban.md).',
    ]);
    expect(lint(brokenWs.root, 'src/b.ts').map((m) => m.messageId)).toEqual(['banned']);
    expect(lint(brokenWs.root, 'src/a.ts').map((m) => m.messageId)).toEqual(['brokenEnforcement', 'brokenEnforcement', 'banned']);
  });

  it('sees an edited ADR on the next lint (the rules\' cache and loadPolicy\'s never keep an old policy)', () => {
    resetAllCaches();
    const [file, text] = adr({ number: 1, title: 'Ban request', enforcement: '  bannedImports:\n    - name: request\n' });
    const editWs = fixtureWorkspace({ [file]: text });
    try {
      expect(lint(editWs.root, 'src/a.ts').map((m) => m.messageId)).toEqual(['banned']);
      editWs.write(file, text.replace('name: request', 'name: axios-old'));
      expect(lint(editWs.root, 'src/a.ts')).toEqual([]);
    } finally {
      editWs.cleanup();
    }
  });

  it('without an ADR folder does nothing and says so once on stderr', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(lint(bareWs.root, 'src/a.ts')).toEqual([]);
      expect(lint(bareWs.root, 'src/b.ts')).toEqual([]);
      const said = stderr.mock.calls.map((c) => String(c[0]));
      expect(said).toEqual([expect.stringContaining(`@fx/adr-nx: no ADR folder at ${join(bareWs.root, 'docs/adr')}; the ADR rules have nothing to enforce.`)]);
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('no-banned-imports suggestions', () => {
  it('swaps the package and keeps deep paths; a glob ban is replaced whole', () => {
    expect(replacementFor('moment', 'moment', 'dayjs')).toBe('dayjs');
    expect(replacementFor('moment/locale/de', 'moment', 'dayjs')).toBe('dayjs/locale/de');
    expect(replacementFor('@aws-sdk/client-s3', '@aws-sdk/*', 'aws-sdk-v3')).toBe('aws-sdk-v3');
  });
});
