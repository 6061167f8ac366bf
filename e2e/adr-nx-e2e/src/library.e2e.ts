import { madrFilePathFilter, parseMadrWithFrontmatter } from '@backstage/plugin-adr-common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './utils/paths';
import { createWorkspace, type E2eWorkspace } from './utils/workspace';

// Codifiable decisions, as a team would write them (see docs/process.md).
const BOUNDARIES = {
  requiredTags: ['scope:*', 'type:*'],
  requiredTargets: ['test', 'lint'],
  dependencyConstraints: [
    { sourceTag: 'scope:payments', onlyDependOnLibsWithTags: ['scope:payments', 'scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
  ],
};
const LOGGING = { bannedImports: [{ name: 'winston', use: '@fx/logger' }] };

describe('library, import and discussion generators in a workspace made from the packed tarball', () => {
  let ws: E2eWorkspace;
  let project: string;
  const commit = (message: string) => ws.run(`git add -A && git -c user.email=e2e@example.com -c user.name=e2e commit -qm "${message}"`);

  /** An accepted ADR written by the adr generator, with its enforcement added to the front-matter. */
  const acceptedAdr = (title: string, enforcement: object) => {
    const result = ws.nx(`g @fx/adr-nx:adr "${title}" --status=accepted --date=2026-11-20 --decisionMakers=platform-team`);
    expect(result.code).toBe(0);
    const path = /(docs\/adr\/\d{4}-[a-z0-9-]+\.md)/.exec(result.output)?.[1] as string;
    ws.write(path, ws.read(path).replace(/^---\n/, `---\nenforcement: ${JSON.stringify(enforcement)}\n`));
    return path;
  };

  beforeAll(() => {
    ws = createWorkspace('issue7-library');
    acceptedAdr('Module boundaries by scope and type', BOUNDARIES);
    acceptedAdr('Log through fx logger', LOGGING);
    commit('decisions');
  });

  it('refuses tags the accepted ADRs forbid, naming the ADR, before writing anything', () => {
    const bad = ws.nx('g @fx/adr-nx:library libs/payments/api --tags=scope:paymnts');
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('no tag matches "type:*", which ADR-0001 "Module boundaries by scope and type"');
    expect(bad.output).toContain('"scope:paymnts" is not a scope: tag the dependency constraints of ADR-0001');
    expect(ws.run('git status --porcelain').stdout).toBe('');
  });

  it('makes a library that passes nx lint and adr-check at once', () => {
    const made = ws.nx('g @fx/adr-nx:library libs/payments/data --tags=scope:payments,type:data');
    expect(made.code).toBe(0);
    const projects = JSON.parse(ws.nx('show projects --json').stdout) as string[];
    project = projects.find((p) => JSON.parse(ws.nx(`show project ${p} --json`).stdout).root === 'libs/payments/data') as string;
    expect(project).toBeDefined();
    const config = JSON.parse(ws.nx(`show project ${project} --json`).stdout);
    expect(config.tags).toEqual(expect.arrayContaining(['scope:payments', 'type:data']));
    expect(Object.keys(config.targets)).toEqual(expect.arrayContaining(['test', 'lint', 'adr-check']));

    const catalog = parse(ws.read('libs/payments/data/catalog-info.yaml'));
    expect(catalog.metadata.annotations['backstage.io/adr-location']).toBe('../../../docs/adr');
    expect(catalog.spec).toMatchObject({ type: 'library', system: 'payments' });
    expect(ws.read('libs/payments/data/README.md')).toContain('| [ADR-0002](../../../docs/adr/0002-log-through-fx-logger.md) | Log through fx logger | does not import `winston` (use `@fx/logger`) |');

    const lint = ws.nx(`run ${project}:lint --outputStyle=static`);
    expect(lint.output).not.toMatch(/\d+:\d+\s+error\s/);
    expect(lint.code).toBe(0);
    const check = ws.nx(`run ${project}:adr-check --outputStyle=static`);
    expect(check.code).toBe(0);
  });

  it('the library\'s lint enforces the ADRs: a banned import fails, citing the ADR', () => {
    ws.write('libs/payments/data/src/lib/log.ts', "import winston from 'winston';\nexport const log = winston;\n");
    const lint = ws.nx(`run ${project}:lint --outputStyle=static --skip-nx-cache`);
    expect(lint.code).not.toBe(0);
    expect(lint.output).toContain("'winston' is banned by ADR-0002 \"Log through fx logger\"");
    ws.run('rm libs/payments/data/src/lib/log.ts');
    commit('library');
  });

  it('import --dry-run lists what would change; the import writes ADRs Backstage lists and adr-check accepts', () => {
    const corpus = join(repoRoot, '..', 'shared', 'corpus', 'npryce__adr-tools');
    for (const name of ['0002-implement-as-shell-scripts.md', '0005-help-comments.md', '0009-help-scripts.md']) ws.write(`old/adr/${name}`, readFileSync(join(corpus, name), 'utf8'));
    commit('old adrs');
    const dry = ws.nx('g @fx/adr-nx:import --source=old/adr --dry-run');
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('Import 3 ADR(s) from old/adr (nygard) into docs/adr, numbers appended after the highest');
    expect(dry.output).toContain('CREATE docs/adr/0003-implement-as-shell-scripts.md');
    expect(ws.run('git status --porcelain').stdout).toBe('');

    expect(ws.nx('g @fx/adr-nx:import --source=old/adr').code).toBe(0);
    const written = readdirSync(join(ws.root, 'docs/adr')).filter((n) => /^000[345]-/.test(n));
    expect(written).toEqual(['0003-implement-as-shell-scripts.md', '0004-help-comments.md', '0005-help-scripts.md']);
    for (const name of written) {
      expect(madrFilePathFilter(`docs/adr/${name}`)).toBe(true);
      expect(parseMadrWithFrontmatter(ws.read(`docs/adr/${name}`)).status).toBe('accepted');
    }
    // ADR 9 became ADR-0005: the link and the number in its label follow.
    expect(ws.read('docs/adr/0004-help-comments.md')).toContain('Amended by [5. Help scripts](0005-help-scripts.md)');
    const check = ws.nx('run-many -t adr-check --outputStyle=static');
    expect(check.code).toBe(0);
  });

  it('discussion turns a gh api graphql export into a proposed ADR', () => {
    ws.write(
      'discussion.json',
      JSON.stringify({
        data: {
          repository: {
            discussion: {
              title: 'Which metrics client should services use?',
              body: 'StatsD, the Datadog API and prom-client are all in use.',
              url: 'https://github.com/acme/platform/discussions/4190',
              author: { login: 'alice' },
              comments: { nodes: [{ author: { login: 'bob' }, body: 'prom-client, behind @fx/metrics.' }] },
            },
          },
        },
      }),
    );
    const result = ws.nx('g @fx/adr-nx:discussion --from=discussion.json --date=2026-11-21');
    expect(result.code).toBe(0);
    const adr = parseMadrWithFrontmatter(ws.read('docs/adr/0006-which-metrics-client-should-services-use.md'));
    expect(adr).toMatchObject({ status: 'proposed', date: '2026-11-21' });
    expect(adr.attributes).toMatchObject({ consulted: ['@alice', '@bob'], discussion: 'https://github.com/acme/platform/discussions/4190' });
  });

  it('init --techdocs adds the process pages from the package and the TechDocs annotation', () => {
    expect(ws.nx('g @fx/adr-nx:init --techdocs').code).toBe(0);
    expect(parse(ws.read('mkdocs.yml'))).toMatchObject({ docs_dir: 'docs', plugins: ['techdocs-core'] });
    expect(ws.read('docs/adr-process.md')).toContain('# How we decide, record and enforce architecture decisions');
    expect(ws.read('docs/reviewing-adr-prs.md')).toContain('[the process](adr-process.md)');
    expect(parse(ws.read('catalog-info.yaml')).metadata.annotations).toMatchObject({ 'backstage.io/adr-location': 'docs/adr', 'backstage.io/techdocs-ref': 'dir:.' });
  });
});
