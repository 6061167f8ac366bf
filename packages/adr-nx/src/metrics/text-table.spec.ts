import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendStepSummary } from './github-step-summary';
import { percentile } from './percentile';
import { markdownTable, textTable } from './text-table';

describe('tables and job summaries', () => {
  it('pads text columns and right-aligns numbers', () => {
    expect(textTable(['task', 'seconds'], [['a:build', 12.5], ['long-name:test', 3]])).toBe(
      ['task            seconds', '--------------  -------', 'a:build            12.5', 'long-name:test        3'].join('\n'),
    );
  });

  it('escapes pipes in Markdown cells', () => {
    expect(markdownTable(['a', 'n'], [['x|y', 1]])).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |');
  });

  it('appends to $GITHUB_STEP_SUMMARY only when it is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fx-summary-'));
    const file = join(dir, 'summary.md');
    expect(appendStepSummary('# one', {})).toBeNull();
    expect(appendStepSummary('# one', { GITHUB_STEP_SUMMARY: file })).toBe(file);
    appendStepSummary('# two\n', { GITHUB_STEP_SUMMARY: file });
    expect(readFileSync(file, 'utf8')).toBe('# one\n# two\n');
    expect(appendStepSummary('# x', { GITHUB_STEP_SUMMARY: join(dir, 'missing', 'dir', 'f.md') })).toBeNull();
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes percentiles by linear interpolation between ranks', () => {
    const v = [1, 2, 3, 4, 10];
    expect(percentile(v, 50)).toBe(3);
    expect(percentile(v, 95)).toBeCloseTo(4 + 0.8 * 6);
    expect(percentile(v, 100)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
