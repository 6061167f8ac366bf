import { adrLink, citeAdr } from './cite';

const adr = { id: 'ADR-0007', number: 7, title: 'Use Prometheus for metrics', path: 'docs/adr/0007-use-prometheus-for-metrics.md' };

describe('citing an ADR', () => {
  it('links to the workspace path by default', () => {
    expect(citeAdr(adr)).toBe('ADR-0007 "Use Prometheus for metrics" (docs/adr/0007-use-prometheus-for-metrics.md)');
  });

  it('appends the file name to a base URL, adding a slash only when needed', () => {
    expect(adrLink(adr, 'https://backstage.example.com/catalog/default/component/web/adrs?record=')).toBe(
      'https://backstage.example.com/catalog/default/component/web/adrs?record=0007-use-prometheus-for-metrics.md',
    );
    expect(adrLink(adr, 'https://github.com/acme/repo/blob/main/docs/adr')).toBe('https://github.com/acme/repo/blob/main/docs/adr/0007-use-prometheus-for-metrics.md');
  });

  it('fills {file}, {path}, {id} and {number} templates', () => {
    expect(adrLink(adr, 'https://adr.example.com/{number}/{id}?p={path}&f={file}')).toBe(
      'https://adr.example.com/0007/ADR-0007?p=docs/adr/0007-use-prometheus-for-metrics.md&f=0007-use-prometheus-for-metrics.md',
    );
  });

  it('falls back to the file name when the ADR has no title', () => {
    expect(citeAdr({ ...adr, title: null })).toBe('ADR-0007 "0007-use-prometheus-for-metrics.md" (docs/adr/0007-use-prometheus-for-metrics.md)');
  });
});
