import { githubAnnotations, githubSummary } from './github';
import type { CheckReport } from './check-report';

describe('GitHub Actions output', () => {
  it('escapes workflow-command data and properties', () => {
    const out = githubAnnotations([
      { file: 'docs/adr/0001-a,b.md', line: 3, column: 2, severity: 'error', code: 'x/y', message: '100% wrong: here', hint: 'line two' },
      { file: 'libs/a/project.json', line: 1, column: 1, severity: 'warning', code: 'z', message: 'preview' },
    ]);
    expect(out.split('\n')).toEqual([
      '::error file=docs/adr/0001-a%2Cb.md,line=3,col=2,title=adr-check x/y::100%25 wrong: here%0Aline two',
      '::warning file=libs/a/project.json,line=1,col=1,title=adr-check z::preview',
    ]);
  });

  it('summarises a task as a Markdown table', () => {
    const report: CheckReport = {
      project: 'lib-a',
      adrDirectory: 'docs/adr',
      fixed: [],
      compliance: { rules: 1, findings: [{ file: 'libs/a/project.json', line: 4, column: 3, severity: 'error', code: 'c', message: 'a | b', hint: 'do it' }] },
    };
    expect(githubSummary(report)).toBe(['### ❌ adr-check `lib-a`: 1 error, 0 warnings', '', '| | Where | What | Fix |', '| --- | --- | --- | --- |', '| error | `libs/a/project.json:4` | a \\| b | do it |', '', ''].join('\n'));
    expect(githubSummary({ ...report, compliance: { rules: 1, findings: [] } })).toBe('### ✅ adr-check `lib-a`: 0 errors, 0 warnings\n\n');
  });
});
