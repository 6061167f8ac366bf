import { madrFilePathFilter } from '@backstage/plugin-adr-common';
import { adrFileName, isAdrCandidate, numberFromFileName, slugify } from './naming';

describe('ADR file names', () => {
  it('slugs are lowercase ascii, non-ascii transliterated', () => {
    expect(slugify('Use Prometheus for metrics')).toBe('use-prometheus-for-metrics');
    expect(slugify('Größe über alles')).toBe('grosse-uber-alles');
    expect(slugify('Привет мир')).toBe('privet-mir');
    expect(slugify("Don't log with console.log()")).toBe('dont-log-with-console-log');
  });

  it('path and shell characters are only text', () => {
    expect(adrFileName(3, '../x')).toBe('0003-x.md');
    expect(adrFileName(4, '$(rm -rf /)')).toBe('0004-rm-rf.md');
  });

  it('a title with no letters or digits cannot name a file', () => {
    expect(slugify('!!! ???')).toBe('');
    expect(() => adrFileName(1, '!!!')).toThrow('leaves no letters or digits');
  });

  it('every name it makes passes Backstage\'s own filter', () => {
    for (const title of ['A', 'Use Prometheus for metrics', 'Ünïcödé 日本語']) {
      expect(madrFilePathFilter(`docs/adr/${adrFileName(12, title)}`)).toBe(true);
    }
  });

  it('reads numbers and skips non-decisions', () => {
    expect(numberFromFileName('0042-x.md')).toBe(42);
    expect(numberFromFileName('20200924-use-x.md')).toBeNull();
    expect(isAdrCandidate('README.md')).toBe(false);
    expect(isAdrCandidate('adr-template.md')).toBe(false);
    expect(isAdrCandidate('index.md')).toBe(false);
    expect(isAdrCandidate('0001-x.md')).toBe(true);
  });
});

describe('isAdrCandidate and templates', () => {
  it('a numbered decision that mentions a template is still a decision', () => {
    expect(isAdrCandidate('0007-render-emails-with-a-template-engine.md')).toBe(true);
    expect(isAdrCandidate('template.md')).toBe(false);
  });
});
