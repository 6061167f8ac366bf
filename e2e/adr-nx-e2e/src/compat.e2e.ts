import { parseMadrWithFrontmatter } from '@backstage/plugin-adr-common';
import { createWorkspace } from './utils/workspace';

// The peer range says nx >=21 <24: prove the oldest and the middle major, not just the one we build on.
describe.each([['21.6.4'], ['22.6.1']])('on Nx %s', (nxVersion) => {
  it('init, adr and the inferred targets work', () => {
    const ws = createWorkspace(`compat-nx${nxVersion.split('.')[0]}`, { nxVersion });
    expect(ws.nx('--version').output).toContain(`v${nxVersion}`);
    const adr = ws.nx('g @fx/adr-nx:adr "Use Prometheus for metrics" --status=accepted');
    expect(adr.code).toBe(0);
    expect(parseMadrWithFrontmatter(ws.read('docs/adr/0001-use-prometheus-for-metrics.md')).status).toBe('accepted');
    expect(ws.nx('show projects --with-target adr-check').stdout).toContain(`@acme/compat-nx${nxVersion.split('.')[0]}`);
    expect(ws.nx('show projects --with-target dora').stdout).toContain(`@acme/compat-nx${nxVersion.split('.')[0]}`);
  });
});
