import { plainJs, RuleTester, tested } from '../__fixtures__/rule-tester';
import { adr, fixtureWorkspace, projectGraphFile, resetAllCaches } from '../__fixtures__/workspace';
import rule from './module-boundaries';

const SHARED = adr({
  number: 10,
  title: 'Shared code depends only on shared code',
  enforcement: '  dependencyConstraints:\n    - sourceTag: "scope:shared"\n      onlyDependOnLibsWithTags: ["scope:shared"]\n',
});
const WEB = adr({
  number: 11,
  title: 'Web apps leave legacy and lodash behind',
  enforcement: '  dependencyConstraints:\n    - sourceTag: "/^scope:web$/"\n      notDependOnLibsWithTags: ["type:legacy"]\n      bannedExternalImports: ["lodash", "lodash/*"]\n',
});
const PROPOSED = adr({
  number: 12,
  title: 'Billing stays apart',
  status: 'proposed',
  enforcement: '  dependencyConstraints:\n    - allSourceTags: ["scope:billing", "type:feature"]\n      onlyDependOnLibsWithTags: ["scope:billing"]\n',
});
const GRAPH = projectGraphFile(
  [
    { name: 'shared-util', root: 'libs/shared/util', tags: ['scope:shared', 'type:util'], packageName: '@acme/shared-util' },
    { name: 'ui', root: 'libs/ui', tags: ['scope:shared', 'type:ui'], dependsOn: ['legacy-bridge'] },
    { name: 'legacy-bridge', root: 'libs/legacy-bridge', tags: ['scope:shared'], dependsOn: ['legacy'] },
    { name: 'legacy', root: 'libs/legacy', tags: ['type:legacy'] },
    { name: 'billing', root: 'libs/billing', tags: ['scope:billing', 'type:feature'] },
    { name: 'web', root: 'apps/web', tags: ['scope:web'] },
  ],
  ['react', 'lodash'],
);
const TSCONFIG: [string, string] = [
  'tsconfig.base.json',
  '{\n  // comments are allowed, as in any tsconfig\n  "compilerOptions": { "paths": { "@acme/billing": ["libs/billing/src/index.ts"], "@acme/ui/*": ["libs/ui/src/*"] } }\n}\n',
];

const ws = fixtureWorkspace(Object.fromEntries([SHARED, WEB, PROPOSED, GRAPH, TSCONFIG]));
const noGraphWs = fixtureWorkspace(Object.fromEntries([SHARED]));
afterAll(() => [ws, noGraphWs].forEach((w) => w.cleanup()));
beforeEach(resetAllCaches);

const shared = ws.path('libs/shared/util/src/lib/format.ts');
const web = ws.path('apps/web/src/main.ts');
const billing = ws.path('libs/billing/src/lib/invoice.ts');
const adr10 = 'ADR-0010 "Shared code depends only on shared code" (docs/adr/0010-shared-code-depends-only-on-shared-code.md)';
const adr11 = 'ADR-0011 "Web apps leave legacy and lodash behind" (docs/adr/0011-web-apps-leave-legacy-and-lodash-behind.md)';
const onlyShared = 'A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared"';

const ruleTester = new RuleTester();

ruleTester.run('module-boundaries', tested(rule), {
  valid: [
    { name: 'shared -> shared through a tsconfig wildcard path', filename: shared, code: "import { Button } from '@acme/ui/button';" },
    { name: 'relative import inside the project', filename: shared, code: "import { x } from './x';\nimport { y } from '../y';" },
    { name: 'node builtins and npm packages without a ban', filename: shared, code: "import { join } from 'node:path';\nimport React from 'react';" },
    { name: 'web -> shared-util by its package name (no legacy below it)', filename: web, code: "import { fmt } from '@acme/shared-util';" },
    { name: 'a project no constraint applies to', filename: billing, code: "import _ from 'lodash';\nimport { Button } from '@acme/ui/button';" },
    { name: 'a proposed ADR is not enforced without preview', filename: billing, code: "import { fmt } from '@acme/shared-util';" },
    { name: 'a file in no project', filename: ws.path('tools/script.ts'), code: "import _ from 'lodash';" },
    { name: 'no cached project graph: nothing is checked', filename: noGraphWs.path('libs/shared/util/src/a.ts'), code: "import _ from 'lodash';" },
  ],
  invalid: [
    {
      name: 'shared -> billing through a tsconfig path',
      filename: shared,
      code: "import { invoice } from '@acme/billing';",
      errors: [{ messageId: 'violation', data: { specifier: '@acme/billing', target: 'project billing', adr: adr10, reason: onlyShared, preview: '' } }],
    },
    {
      name: 'shared -> billing by a relative path, in plain JS with require (espree)',
      filename: ws.path('libs/shared/util/src/lib/format.js'),
      code: "const { invoice } = require('../../../../billing/src/lib/invoice');",
      languageOptions: plainJs('commonjs'),
      errors: [{ messageId: 'violation', data: { specifier: '../../../../billing/src/lib/invoice', target: 'project billing', adr: adr10, reason: onlyShared, preview: '' } }],
    },
    {
      name: 'web -> ui, which reaches a legacy lib through the graph',
      filename: web,
      code: "export { Button } from '@acme/ui/button';",
      errors: [
        {
          messageId: 'violation',
          data: {
            specifier: '@acme/ui/button',
            target: 'project ui',
            adr: adr11,
            reason: 'A project tagged with "/^scope:web$/" can not depend on libs tagged with "type:legacy" (violation in: ui -> legacy-bridge -> legacy)',
            preview: '',
          },
        },
      ],
    },
    {
      name: 'web -> a banned npm package, deep import, dynamic import()',
      filename: web,
      code: "const get = await import('lodash/get');",
      errors: [
        {
          messageId: 'violation',
          data: { specifier: 'lodash/get', target: 'npm package lodash', adr: adr11, reason: 'A project tagged with "/^scope:web$/" is not allowed to import "lodash/get"', preview: '' },
        },
      ],
    },
    {
      name: 'preview: what a proposed ADR would forbid, with allSourceTags',
      filename: billing,
      code: "import { fmt } from '@acme/shared-util';",
      options: [{ preview: true }],
      errors: [
        {
          messageId: 'violation',
          data: {
            specifier: '@acme/shared-util',
            target: 'project shared-util',
            adr: 'ADR-0012 "Billing stays apart" (docs/adr/0012-billing-stays-apart.md)',
            reason: 'A project tagged with "scope:billing" and "type:feature" can only depend on libs tagged with "scope:billing"',
            preview: ' (preview: ADR-0012 is proposed)',
          },
        },
      ],
    },
  ],
});

describe('module-boundaries and the project graph', () => {
  it('picks up a recomputed project graph (mtime+size) without a restart, as an editor session needs', () => {
    const { Linter } = require('eslint') as typeof import('eslint');
    const linter = new Linter({ configType: 'flat', cwd: ws.root });
    const config = [{ files: ['**/*.ts'], plugins: { adr: { rules: { 'module-boundaries': rule } } }, rules: { 'adr/module-boundaries': 'error' } }];
    const lint = () => linter.verify("import { invoice } from '@acme/billing';", config as never, shared).map((m) => m.message);
    expect(lint()).toEqual([`'@acme/billing' (project billing) breaks ${adr10}: ${onlyShared}.`]);
    const [path, text] = projectGraphFile([
      { name: 'shared-util', root: 'libs/shared/util', tags: ['scope:shared'] },
      { name: 'billing', root: 'libs/billing', tags: ['scope:billing', 'scope:shared'] },
    ]);
    ws.write(path, text);
    expect(lint()).toEqual([]);
    ws.write(...GRAPH);
  });
});
