import { madrFilePathFilter, parseMadrWithFrontmatter } from '@backstage/plugin-adr-common';
import { createWorkspace, type E2eWorkspace } from './utils/workspace';

describe('@fx/adr-nx in a workspace made from the packed tarball', () => {
  let ws: E2eWorkspace;

  beforeAll(() => {
    ws = createWorkspace('generators');
  });

  it('init registers the plugin, writes the meta-ADR, the log and the Backstage annotation', () => {
    const nxJson = JSON.parse(ws.read('nx.json'));
    expect(nxJson.plugins).toContainEqual({ plugin: '@fx/adr-nx', options: { adrDirectory: 'docs/adr', targetName: 'adr-check' } });
    const meta = ws.read('docs/adr/0000-record-architecture-decisions.md');
    expect(meta.startsWith('---\nstatus: accepted\n')).toBe(true);
    expect(ws.read('docs/adr/README.md')).toContain('| [ADR-0000](0000-record-architecture-decisions.md) | Record architecture decisions | accepted |');
    expect(ws.read('catalog-info.yaml')).toContain('backstage.io/adr-location: docs/adr');
  });

  it('init run again changes nothing', () => {
    ws.run('git add -A && git -c user.email=e2e@example.com -c user.name=e2e commit -qm after-init');
    const again = ws.nx('g @fx/adr-nx:init');
    expect(again.code).toBe(0);
    expect(again.output).toContain('nothing to change');
    expect(ws.run('git status --porcelain').stdout.trim()).toBe('');
  });

  it('infers adr-check on every project and the workspace targets on the root project', () => {
    expect(ws.nx('show projects --with-target dora').stdout.trim().split('\n')).toEqual(['@acme/generators']);
    expect(ws.nx('show projects --with-target report-timings').stdout).toContain('@acme/generators');
    expect(ws.nx('show projects --with-target adr-check').stdout).toContain('@acme/generators');
  });

  it('nx g @fx/adr-nx:adr writes a file Backstage lists and parses, with the right status, date and title', () => {
    const result = ws.nx('g @fx/adr-nx:adr "Use Prometheus for metrics" --tags=observability --decisionMakers=platform-team --date=2026-11-20');
    expect(result.code).toBe(0);
    const path = 'docs/adr/0001-use-prometheus-for-metrics.md';
    expect(madrFilePathFilter(path)).toBe(true);
    const parsed = parseMadrWithFrontmatter(ws.read(path));
    expect(parsed.status).toBe('proposed');
    expect(parsed.date).toBe('2026-11-20');
    expect(parsed.content.match(/^# .*$/gm)).toEqual(['# Use Prometheus for metrics']);
    expect(parsed.attributes).toMatchObject({ 'decision-makers': ['platform-team'], tags: ['observability'] });
    expect(ws.read('docs/adr/README.md')).toContain('| [ADR-0001](0001-use-prometheus-for-metrics.md) | Use Prometheus for metrics | proposed | 2026-11-20 |');
  });

  it('--supersedes links both ADRs and marks the old one superseded', () => {
    expect(ws.nx('g @fx/adr-nx:adr "Use OpenTelemetry for metrics" --supersedes=1 --status=accepted').code).toBe(0);
    const old = parseMadrWithFrontmatter(ws.read('docs/adr/0001-use-prometheus-for-metrics.md'));
    expect(old.status).toBe('superseded');
    expect(old.attributes['superseded-by']).toBe(2);
    expect(old.content).toContain('(0002-use-opentelemetry-for-metrics.md)');
    expect(ws.read('docs/adr/0002-use-opentelemetry-for-metrics.md')).toContain('(0001-use-prometheus-for-metrics.md)');
  });

  it('--dry-run writes nothing, and bad input is one clear error with nothing written', () => {
    const before = ws.run('git status --porcelain').stdout;
    const dry = ws.nx('g @fx/adr-nx:adr "Adopt pnpm" --dry-run');
    expect(dry.output).toContain('CREATE docs/adr/0003-adopt-pnpm.md');
    expect(ws.exists('docs/adr/0003-adopt-pnpm.md')).toBe(false);

    const bad = ws.nx('g @fx/adr-nx:adr "Anything" --supersedes=1');
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('ADR-0001 (docs/adr/0001-use-prometheus-for-metrics.md) is already superseded by ADR-0002');
    const badDate = ws.nx('g @fx/adr-nx:adr "Anything" --date=2026-02-30');
    expect(badDate.code).not.toBe(0);
    expect(badDate.output).toContain('--date=2026-02-30 is not a real date');
    expect(ws.run('git status --porcelain').stdout).toBe(before);
  });
});
