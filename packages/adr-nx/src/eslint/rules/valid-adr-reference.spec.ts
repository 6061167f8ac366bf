import { plainJs, RuleTester, tested } from '../__fixtures__/rule-tester';
import { adr, fixtureWorkspace, resetAllCaches } from '../__fixtures__/workspace';
import { adrIndexLoads } from '../utils/lint-state';
import rule from './valid-adr-reference';

const ws = fixtureWorkspace(
  Object.fromEntries([
    adr({ number: 1, title: 'Use Postgres' }),
    adr({ number: 2, title: 'Use REST', status: 'superseded', extra: 'superseded-by: 5\n' }),
    adr({ number: 3, title: 'Use jQuery', status: 'deprecated' }),
    adr({ number: 4, title: 'Use Moment', status: 'deprecated' }),
    adr({ number: 5, title: 'Use GraphQL', status: 'superseded', extra: 'superseded-by: 6\n' }),
    adr({ number: 6, title: 'Use gRPC', extra: 'supersedes: [5]\n' }),
    adr({ number: 7, title: 'Use dayjs', extra: 'supersedes: [4]\n' }),
    adr({ number: 8, title: 'Use SOAP', status: 'superseded' }),
  ]),
);
afterAll(() => ws.cleanup());
beforeEach(resetAllCaches);

const file = ws.path('libs/api/src/client.ts');
const cite = (n: number, title: string) => `ADR-000${n} "${title}" (docs/adr/000${n}-${title.toLowerCase().replace(/ /g, '-')}.md)`;

const ruleTester = new RuleTester();

ruleTester.run('valid-adr-reference', tested(rule), {
  valid: [
    { filename: file, code: '// Postgres per ADR-0001\nconst db = connect();' },
    { name: 'ids in strings and code are not citations', filename: file, code: "const s = 'ADR-0042';" },
    { name: 'ADR-7 is read as ADR-0007', filename: file, code: '/* see ADR-7 */' },
    { name: 'not an ADR id', filename: file, code: '// SADR-0042 and ADR-x' },
  ],
  invalid: [
    {
      name: 'an ADR that does not exist',
      filename: file,
      code: '// per ADR-0042 we retry twice',
      errors: [{ messageId: 'unknown', data: { id: 'ADR-0042', number: 42, folder: 'docs/adr' }, line: 1, column: 8, endColumn: 16 }],
    },
    {
      name: 'superseded: names the current successor (following the chain) and offers to cite it',
      filename: file,
      code: '/**\n * REST client, see ADR-0002.\n */',
      errors: [
        {
          messageId: 'superseded',
          data: { adr: cite(2, 'Use REST'), successor: cite(6, 'Use gRPC'), successorId: 'ADR-0006' },
          line: 2,
          column: 21,
          suggestions: [{ messageId: 'citeSuccessor', data: { successorId: 'ADR-0006' }, output: '/**\n * REST client, see ADR-0006.\n */' }],
        },
      ],
    },
    {
      name: 'deprecated without successor; deprecated with one found through `supersedes`',
      filename: ws.path('legacy/widget.js'),
      code: '// ADR-0003\n// ADR-0004',
      languageOptions: plainJs('script'),
      errors: [
        { messageId: 'deprecated', data: { adr: cite(3, 'Use jQuery'), successor: '' }, line: 1 },
        { messageId: 'deprecated', data: { adr: cite(4, 'Use Moment'), successor: ` (see ${cite(7, 'Use dayjs')})` }, line: 2 },
      ],
    },
    {
      name: 'superseded without a recorded successor',
      filename: file,
      code: '// ADR-0008',
      errors: [{ messageId: 'supersededNoSuccessor', data: { adr: cite(8, 'Use SOAP') } }],
    },
  ],
});

describe('valid-adr-reference reads the ADR folder only when needed', () => {
  it('parses ADRs for the first citation, then reuses them until an ADR file changes', () => {
    const { Linter } = require('eslint') as typeof import('eslint');
    const linter = new Linter({ configType: 'flat', cwd: ws.root });
    const config = [{ files: ['**/*.ts'], plugins: { adr: { rules: { 'valid-adr-reference': rule } } }, rules: { 'adr/valid-adr-reference': 'warn' } }];
    const before = adrIndexLoads();
    expect(linter.verify('const a = 1;', config as never, file)).toEqual([]);
    expect(adrIndexLoads()).toBe(before);
    for (let i = 0; i < 5; i++) expect(linter.verify('// ADR-0009', config as never, file)).toHaveLength(1);
    expect(adrIndexLoads()).toBe(before + 1);
    ws.write(...adr({ number: 9, title: 'Use Kafka' }));
    expect(linter.verify('// ADR-0009', config as never, file)).toEqual([]);
    expect(adrIndexLoads()).toBe(before + 2);
    ws.remove('docs/adr/0009-use-kafka.md');
  });
});
