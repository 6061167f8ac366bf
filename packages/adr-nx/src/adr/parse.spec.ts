import { parseAdr } from './parse';

const ok = `---
status: accepted
date: 2026-11-22
decision-makers: [platform-team]
tags: [observability]
---
# Use Prometheus for metrics

## Context and Problem Statement

See [the old one](0003-use-statsd.md) and [MADR](https://adr.github.io/madr/).
`;

const codes = (text: string) => parseAdr(text, 'docs/adr/0007-x.md').diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);

describe('parseAdr', () => {
  it('reads number, id, title, status, date and relative links', () => {
    const adr = parseAdr(ok, 'docs/adr/0007-use-prometheus-for-metrics.md');
    expect(adr).toMatchObject({ number: 7, id: 'ADR-0007', title: 'Use Prometheus for metrics', status: 'accepted', date: '2026-11-22', bodyLine: 7 });
    expect(adr.frontMatter['decision-makers']).toEqual(['platform-team']);
    expect(adr.links).toEqual([{ url: '0003-use-statsd.md', line: 11, column: 5 }]);
    expect(adr.diagnostics).toEqual([]);
  });

  it('points schema errors at the offending line and column', () => {
    const text = ok.replace('status: accepted', 'status: approved').replace('tags: [observability]', 'tags: [observability]\nenforcement:\n  bannedImports:\n    - nam: winston');
    const adr = parseAdr(text, 'docs/adr/0007-x.md');
    expect(adr.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['front-matter/schema', 2, 9, 'status must be one of: proposed, accepted, rejected, deprecated, superseded'],
      ['front-matter/schema', 8, 7, 'missing required key "name"'],
      ['front-matter/schema', 8, 7, 'unknown key "nam" in enforcement.bannedImports.0'],
    ]);
  });

  it('reports malformed YAML with its line, and goes on to the title', () => {
    const adr = parseAdr('---\nstatus: accepted\ntags: [a\ndate: x\n---\n# T\n', 'docs/adr/0001-t.md');
    expect(adr.diagnostics[0]).toMatchObject({ code: 'front-matter/yaml', line: 4, severity: 'error' });
    expect(adr.title).toBe('T');
  });

  it('rejects dates that are not real', () => {
    expect(codes(ok.replace('2026-11-22', '2026-02-30'))).toEqual(['front-matter/date@3:7']);
    expect(codes(ok.replace('2026-11-22', '22.11.2026'))).toEqual(['front-matter/schema@3:7']);
  });

  it('diagnoses BOM, CRLF, missing front-matter, unclosed front-matter, binary files', () => {
    expect(codes(`\ufeff${ok}`)).toEqual(['file/bom@1:1']);
    expect(codes(ok.replace(/\n/g, '\r\n'))).toEqual(['file/crlf@1:1']);
    expect(codes('# Just a title\n')).toEqual(['front-matter/missing@1:1']);
    expect(codes('\n---\nstatus: accepted\n---\n# T\n')).toContain('front-matter/not-first@1:1');
    expect(codes('---\nstatus: accepted\n# T\n')).toContain('front-matter/unclosed@1:1');
    expect(codes('\u0000\u0001PNG')).toEqual(['file/binary@1:1']);
  });

  it('requires exactly one H1, in plain text', () => {
    expect(codes(ok.replace('# Use Prometheus for metrics', '## Not a title'))).toEqual(['title/missing@7:1']);
    expect(codes(ok.replace('# Use Prometheus for metrics', '#'))).toEqual(['title/missing@7:1']);
    expect(codes(`${ok}\n# Second\n`)).toEqual(['title/multiple@13:1']);
    expect(codes(ok.replace('# Use Prometheus for metrics', '# Use [Prometheus](https://prometheus.io)'))).toEqual(['title/markup@7:1']);
  });

  it('keeps unknown front-matter keys (site generators add their own)', () => {
    const adr = parseAdr(ok.replace('status: accepted', 'status: accepted\nnav_order: 3'), 'docs/adr/0001-x.md');
    expect(adr.frontMatter.nav_order).toBe(3);
    expect(adr.diagnostics).toEqual([]);
  });
});
