import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo } from './__fixtures__/git-repo';
import { computeDora, type DoraOptions } from './compute';
import { resolveWindow } from './time';
import { FAILURE_SIGNALS } from './types';

function options(root: string, extra: Partial<DoraOptions> & { since: string; until: string }): DoraOptions {
  const { since, until, ...rest } = extra;
  return {
    root,
    window: resolveWindow({ since, until }, Date.now()),
    deploymentSource: 'auto',
    tagPattern: 'v*',
    branch: 'HEAD',
    labels: { team: '', service: '', environment: '' },
    environments: ['production'],
    failureSignals: FAILURE_SIGNALS,
    includeMergeCommits: false,
    naiveTimestamps: 'reject',
    ...rest,
  };
}

/**
 * The reference history. Window: --since=2024-01-01 --until=2024-03-30, i.e. [Jan 1 00:00Z, Mar 31 00:00Z),
 * 31 + 29 + 30 = 90 days. Every figure below is computed by hand from these dates.
 *
 *   c0  2023-12-01 10:00  initial                    <- v0.9.0 (lightweight: deployed at c0's date; before the window)
 *   c1  2024-01-02 09:00
 *   c2  2024-01-03 09:00                             <- v1.0.0 annotated 01-04 09:00; v1.0 annotated 01-04 10:00 (alias)
 *   f1  2024-01-05 09:00  (branch feature, from c2)
 *   c3  2024-01-05 12:00  (main)
 *   f2  2024-01-06 09:00  (feature)
 *   M   2024-01-07 09:00  merge feature into main    <- v1.1.0 annotated 01-08 09:00
 *   c4  2024-01-10 09:00  feat c                     <- v1.2.0 annotated 01-10 15:00   (reverted later: failed)
 *   r1  2024-01-11 09:00  Revert "feat c"            <- v1.2.1 annotated 01-11 10:00
 *   c5  2024-02-01 09:00  feat d                     <- v1.3.0 annotated 02-01 12:00   (rolled back: failed)
 *                                                    <- v1.2.2 annotated 02-01 18:00 on r1 (rollback to a deployed commit)
 *   c6  2024-02-10 09:00  automated bump             <- v1.4.0 lightweight (deploy time = commit time: lead 0, excluded)
 *   c7  2024-04-04 09:00                             <- v2.0.0 annotated 04-05 (after the window: ignored)
 *   nightly-20240115 on c3: does not match v*
 *
 * Incidents (events file, no labels => production, the one group):
 *   INC-1 commit c6, 02-10 12:00 -> 14:00 (7200 s)   -> v1.4.0 failed
 *   INC-2 no link,   02-02 00:00 -> 00:30 (1800 s)   -> last deployment before it: v1.2.2 failed
 *   INC-3 no link,   03-01 00:00, still open          -> v1.4.0 (already failed); reported open
 *   INC-4 no link,   2023-12-15 (before the window)  -> v0.9.0, outside the window: no failure, not in time to restore
 */
describe('computeDora on a reference repository (figures computed by hand)', () => {
  const repo = new GitRepo();
  const sha: Record<string, string> = {};
  let eventsPath: string;

  beforeAll(() => {
    sha.c0 = repo.commit('initial', '2023-12-01T10:00:00Z');
    repo.tag('v0.9.0', sha.c0);
    sha.c1 = repo.commit('feat a', '2024-01-02T09:00:00Z');
    sha.c2 = repo.commit('feat b', '2024-01-03T09:00:00Z');
    repo.tag('v1.0.0', sha.c2, '2024-01-04T09:00:00Z');
    repo.tag('v1.0', sha.c2, '2024-01-04T10:00:00Z');
    repo.checkout('feature', true);
    sha.f1 = repo.commit('feature 1', '2024-01-05T09:00:00Z');
    repo.checkout('main');
    sha.c3 = repo.commit('main change', '2024-01-05T12:00:00Z');
    repo.tag('nightly-20240115', sha.c3, '2024-01-15T00:00:00Z');
    repo.checkout('feature');
    sha.f2 = repo.commit('feature 2', '2024-01-06T09:00:00Z');
    repo.checkout('main');
    sha.M = repo.merge('feature', '2024-01-07T09:00:00Z');
    repo.tag('v1.1.0', sha.M, '2024-01-08T09:00:00Z');
    sha.c4 = repo.commit('feat c', '2024-01-10T09:00:00Z');
    repo.tag('v1.2.0', sha.c4, '2024-01-10T15:00:00Z');
    sha.r1 = repo.revert(sha.c4, '2024-01-11T09:00:00Z');
    repo.tag('v1.2.1', sha.r1, '2024-01-11T10:00:00Z');
    sha.c5 = repo.commit('feat d', '2024-02-01T09:00:00Z');
    repo.tag('v1.3.0', sha.c5, '2024-02-01T12:00:00Z');
    repo.tag('v1.2.2', sha.r1, '2024-02-01T18:00:00Z');
    sha.c6 = repo.commit('chore: automated bump', '2024-02-10T09:00:00Z');
    repo.tag('v1.4.0', sha.c6);
    sha.c7 = repo.commit('next major', '2024-04-04T09:00:00Z');
    repo.tag('v2.0.0', sha.c7, '2024-04-05T09:00:00Z');
    eventsPath = repo.write(
      'events.ndjson',
      [
        { type: 'incident', id: 'INC-1', commit: sha.c6, startedAt: '2024-02-10T12:00:00Z', finishedAt: '2024-02-10T14:00:00Z' },
        { type: 'incident', id: 'INC-2', startedAt: '2024-02-02T00:00:00Z', finishedAt: '2024-02-02T00:30:00Z' },
        { type: 'incident', id: 'INC-3', startedAt: '2024-03-01T00:00:00Z', status: 'open' },
        { type: 'incident', id: 'INC-4', startedAt: '2023-12-15T00:00:00Z', finishedAt: '2023-12-15T05:00:00Z' },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n') + '\n',
    );
  });
  afterAll(() => repo.remove());

  it('finds the deployments: aliases folded, rollback kept, other tags and later tags ignored', () => {
    const report = computeDora(options(repo.root, { since: '2024-01-01', until: '2024-03-30', events: eventsPath }));
    expect(report.deploymentSource).toBe('tags');
    expect(report.groups).toHaveLength(1);
    const deployments = report.overall.deployments;
    expect(deployments.map((d) => d.id)).toEqual(['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.2.1', 'v1.3.0', 'v1.2.2', 'v1.4.0']);
    expect(deployments[0].aliases).toEqual(['v1.0']);
    // changes: v1.0.0 {c1,c2}; v1.1.0 {c3,f1,f2,M}; v1.2.0 {c4}; v1.2.1 {r1}; v1.3.0 {c5}; v1.2.2 {} (rollback); v1.4.0 {c6}
    expect(deployments.map((d) => d.changes)).toEqual([2, 4, 1, 1, 1, 0, 1]);
    expect(deployments[5].rollbackOf).toBe('v1.3.0');
    expect(deployments[0].time).toBe('2024-01-04T09:00:00.000Z');
    expect(deployments[6].time).toBe('2024-02-10T09:00:00.000Z'); // lightweight: the commit's date
  });

  it('computes the four keys', () => {
    const { overall, window } = computeDora(options(repo.root, { since: '2024-01-01', until: '2024-03-30', events: eventsPath }));
    expect(window).toEqual({ since: '2024-01-01T00:00:00.000Z', until: '2024-03-31T00:00:00.000Z', days: 90 });

    // Deployment frequency: 7 deployments / 90 days.
    const f = overall.deploymentFrequency;
    expect(f.deployments).toBe(7);
    expect(f.perDay).toBeCloseTo(7 / 90, 12);
    expect(f.perWeek).toBeCloseTo((7 / 90) * 7, 12);
    // Days with a deployment: 01-04, 01-08, 01-10, 01-11, 02-01 (two), 02-10.
    expect(f.deploymentDays).toBe(6);
    // 13 Monday weeks (Jan 1 .. Mar 25); deployment days per week 1,3,0,0,1,1,0,0,0,0,0,0,0 -> median 0.
    expect(f.medianDeploymentDaysPerWeek).toBe(0);
    // Per month: Jan 4, Feb 2, Mar 0 -> median 2.
    expect(f.medianDeploymentDaysPerMonth).toBe(2);
    // Four Keys: not daily (median days 0), not weekly (4 of 13 weeks deployed -> median 0);
    // monthly: deployed weeks per week's month Jan 3 (x5 weeks), Feb 1 (x4), Mar 0 (x4) -> median 1 >= 1.
    expect(f.fourKeysBucket).toBe('monthly');

    // Lead time (s): c1 2d=172800, c2 1d=86400, c3 2d21h=248400, f1 3d=259200, f2 2d=172800,
    // c4 6h=21600, r1 1h=3600, c5 3h=10800. c6 is 0 (excluded), M is a merge (left out).
    // Sorted: 3600 10800 21600 86400 172800 172800 248400 259200.
    // Median: (86400 + 172800) / 2 = 129600. p90: rank 6.3 -> 248400 + 0.3 * 10800 = 251640.
    expect(overall.leadTime).toEqual({ changes: 8, excluded: 1, mergeCommits: 1, medianSeconds: 129600, p90Seconds: 251640 });

    // Change failure rate: v1.2.0 (revert), v1.3.0 (rollback), v1.2.2 (INC-2), v1.4.0 (INC-1, INC-3) = 4 of 7.
    expect(overall.changeFailureRate).toEqual({ deployments: 7, failed: 4, rate: 4 / 7, bySignal: { incident: 2, revert: 1, rollback: 1 } });
    expect(Object.fromEntries(overall.deployments.map((d) => [d.id, d.failed.sort()]))).toEqual({
      'v1.0.0': [],
      'v1.1.0': [],
      'v1.2.0': ['revert'],
      'v1.2.1': [],
      'v1.3.0': ['rollback'],
      'v1.2.2': ['incident'],
      'v1.4.0': ['incident'],
    });

    // Time to restore: INC-1 7200, INC-2 1800 -> median 4500; INC-3 open; INC-4 before the window.
    expect(overall.timeToRestore).toEqual({ incidents: 3, resolved: 2, open: 1, medianSeconds: 4500 });
    expect(overall.openIncidents).toEqual(['INC-3']);

    // DORA 2023: frequency medium (median month has a deployment day), lead time 36 h -> high,
    // 57 % failures -> low, 1 h 15 min to restore -> high.
    expect(overall.tiers).toEqual({ deploymentFrequency: 'medium', leadTime: 'high', changeFailureRate: 'low', timeToRestore: 'high' });
  });

  it('counts the merge commit itself only when asked (lead 2024-01-08 09:00 - 01-07 09:00 = 86400 s)', () => {
    const { overall } = computeDora(options(repo.root, { since: '2024-01-01', until: '2024-03-30', includeMergeCommits: true }));
    // Values now: 3600 10800 21600 86400 86400 172800 172800 248400 259200 -> median (rank 4) 86400.
    expect(overall.leadTime).toMatchObject({ changes: 9, mergeCommits: 0, medianSeconds: 86400 });
  });

  it('recognises failures only by the signals asked for', () => {
    const { overall } = computeDora(options(repo.root, { since: '2024-01-01', until: '2024-03-30', events: eventsPath, failureSignals: ['revert'] }));
    expect(overall.changeFailureRate).toMatchObject({ failed: 1, rate: 1 / 7, bySignal: { incident: 0, revert: 1, rollback: 0 } });
    expect(overall.tiers.changeFailureRate).toBe('medium'); // 1/7 = 14.3 % <= 15 %
  });

  it('no deployments in the window: zeros, no lead time, frequency tier low', () => {
    // June 2024: the last deployment before it is v2.0.0 (04-05), nothing inside.
    const { overall, window } = computeDora(options(repo.root, { since: '2024-06-01', until: '2024-06-30', events: eventsPath }));
    expect(window.days).toBe(30);
    expect(overall.deploymentFrequency).toMatchObject({ deployments: 0, perDay: 0, deploymentDays: 0, fourKeysBucket: 'yearly' });
    expect(overall.leadTime).toEqual({ changes: 0, excluded: 0, mergeCommits: 0, medianSeconds: null, p90Seconds: null });
    expect(overall.changeFailureRate).toMatchObject({ deployments: 0, failed: 0, rate: null });
    expect(overall.timeToRestore).toEqual({ incidents: 0, resolved: 0, open: 0, medianSeconds: null });
    expect(overall.tiers).toEqual({ deploymentFrequency: 'low', leadTime: null, changeFailureRate: null, timeToRestore: null });
  });

  it('a tag pattern that matches nothing is a clear error naming the tags that exist', () => {
    expect(() => computeDora(options(repo.root, { since: '2024-01-01', until: '2024-03-30', tagPattern: 'release-*' }))).toThrow(
      /No tag matches --tagPattern=release-\* \(the repository has 11 tags, e\.g\. .*nightly-20240115/,
    );
  });
});

describe('computeDora with one deployment and history starting inside the window', () => {
  const repo = new GitRepo();
  afterAll(() => repo.remove());

  it('counts days from the first commit and every commit as the first release\'s changes', () => {
    repo.commit('first', '2024-05-01T10:00:00Z');
    repo.commit('second', '2024-05-02T10:00:00Z');
    repo.tag('v1.0.0', repo.git(['rev-parse', 'HEAD']), '2024-05-03T10:00:00Z');
    const { overall, window } = computeDora(options(repo.root, { since: '2024-05-01', until: '2024-05-31' }));
    // Window starts at the first commit (05-01 10:00) and ends 06-01 00:00: 30 days 14 hours.
    expect(window.since).toBe('2024-05-01T10:00:00.000Z');
    expect(window.days).toBeCloseTo(30 + 14 / 24, 12);
    expect(overall.deploymentFrequency.deployments).toBe(1);
    expect(overall.deploymentFrequency.perDay).toBeCloseTo(1 / (30 + 14 / 24), 12);
    // Weeks: Apr 29 (deployed 05-03), May 6, 13, 20, 27 -> [1,0,0,0,0]: median 0. Four Keys files the
    // week of Apr 29 under April (its week start), so May's weeks have 0 deployed weeks: yearly.
    expect(overall.deploymentFrequency.fourKeysBucket).toBe('yearly');
    expect(overall.deploymentFrequency.medianDeploymentDaysPerMonth).toBe(1);
    // Lead: first 2d = 172800, second 1d = 86400 -> median 129600, p90 86400 + 0.9 * 86400 = 164160.
    expect(overall.leadTime).toEqual({ changes: 2, excluded: 0, mergeCommits: 0, medianSeconds: 129600, p90Seconds: 164160 });
    expect(overall.changeFailureRate).toMatchObject({ deployments: 1, failed: 0, rate: 0 });
    expect(overall.tiers).toEqual({ deploymentFrequency: 'medium', leadTime: 'high', changeFailureRate: 'elite', timeToRestore: null });
  });
});

/**
 * Events feed the deployments (two services of one monorepo) and an incident.
 *   a1 2024-03-01 00:00, a2 2024-03-02 00:00, w1 2024-03-03 00:00 (linear history)
 *   api-1 (payments/api)  finished 03-02 12:00Z on a2 -> ships a1, a2: 129600 s, 43200 s
 *   web-1 (growth/web)    finished 03-03 06:00+02:00 = 04:00Z on w1 -> web's first deployment ships a1, a2, w1:
 *                         187200 s, 100800 s, 14400 s (no path filter: every commit since its previous deployment)
 *   api-0 staging, d-failed (status failure): not counted; api-2 without a zone: reported line 5, skipped
 *   INC-9 names api-1: 03-02 13:00 -> 13:45 (2700 s) -> api-1 failed
 */
describe('computeDora from an events file, per team/service/environment', () => {
  const repo = new GitRepo();
  let events: string;
  afterAll(() => repo.remove());

  beforeAll(() => {
    repo.commit('api: a1', '2024-03-01T00:00:00Z');
    const a2 = repo.commit('api: a2', '2024-03-02T00:00:00Z');
    const w1 = repo.commit('web: w1', '2024-03-03T00:00:00Z');
    events = repo.write(
      'events.ndjson',
      [
        `{"type":"deployment","id":"api-1","service":"api","team":"payments","environment":"production","startedAt":"2024-03-02T11:50:00Z","finishedAt":"2024-03-02T12:00:00Z","status":"success","commit":"${a2.slice(0, 10)}"}`,
        `{"type":"deployment","id":"web-1","service":"web","team":"growth","finishedAt":"2024-03-03T06:00:00+02:00","commit":"${w1}"}`,
        `{"type":"deployment","id":"api-0","service":"api","team":"payments","environment":"staging","finishedAt":"2024-03-02T09:00:00Z","commit":"${a2}"}`,
        `{"type":"deployment","id":"d-failed","service":"api","team":"payments","status":"failure","finishedAt":"2024-03-02T10:00:00Z"}`,
        `{"type":"deployment","id":"api-2","service":"api","team":"payments","finishedAt":"2024-03-04T10:00:00"}`,
        `{"type":"incident","id":"INC-9","service":"api","team":"payments","environment":"production","startedAt":"2024-03-02T13:00:00Z","finishedAt":"2024-03-02T13:45:00Z","deployment":"api-1"}`,
      ].join('\n'),
    );
  });

  it('computes each group and the whole, and reports what it left out', () => {
    const report = computeDora(options(repo.root, { since: '2024-03-01', until: '2024-03-09', events }));
    expect(report.deploymentSource).toBe('events');
    expect(report.problems).toEqual([{ file: events, line: 5, message: expect.stringContaining('field "finishedAt": "2024-03-04T10:00:00" has no time zone') }]);
    expect(report.notDeployed).toEqual({ failure: 1 });
    expect(report.otherEnvironments).toEqual({ staging: 1 });

    const [api, web] = report.groups;
    expect(api.labels).toEqual({ team: 'payments', service: 'api', environment: 'production' });
    expect(api.deployments[0].sha).toHaveLength(40); // abbreviated sha resolved by git
    // api: 129600 and 43200 -> median 86400: exactly one day is not "less than one day" -> high.
    expect(api.leadTime).toMatchObject({ changes: 2, medianSeconds: 86400 });
    expect(api.changeFailureRate).toMatchObject({ deployments: 1, failed: 1, rate: 1 });
    expect(api.timeToRestore).toEqual({ incidents: 1, resolved: 1, open: 0, medianSeconds: 2700 });
    // 45 min to restore: under an hour -> elite.
    expect(api.tiers).toEqual({ deploymentFrequency: 'medium', leadTime: 'high', changeFailureRate: 'low', timeToRestore: 'elite' });

    expect(web.labels).toEqual({ team: 'growth', service: 'web', environment: 'production' });
    // web: 14400 100800 187200 -> median 100800.
    expect(web.leadTime).toMatchObject({ changes: 3, medianSeconds: 100800 });
    expect(web.changeFailureRate).toMatchObject({ deployments: 1, failed: 0, rate: 0 });
    expect(web.timeToRestore.incidents).toBe(0);

    // Overall: 14400 43200 100800 129600 187200 -> median 100800; 1 failed of 2.
    expect(report.overall.leadTime).toMatchObject({ changes: 5, medianSeconds: 100800 });
    expect(report.overall.changeFailureRate).toMatchObject({ deployments: 2, failed: 1, rate: 0.5 });
    // The window starts at the first data (a1, 03-01 00:00 = --since) and ends 03-10 00:00: 9 days.
    expect(report.window.days).toBe(9);
    expect(report.overall.deploymentFrequency.perDay).toBeCloseTo(2 / 9, 12);
  });

  it('reads zone-less times as UTC with --naiveTimestamps=utc (api-2 then counts, with no commit)', () => {
    const report = computeDora(options(repo.root, { since: '2024-03-01', until: '2024-03-09', events, naiveTimestamps: 'utc' }));
    expect(report.problems).toEqual([]);
    expect(report.groups[0].deployments.map((d) => [d.id, d.changes])).toEqual([
      ['api-1', 2],
      ['api-2', 0],
    ]);
  });

  it('takes every environment with environments=*', () => {
    const report = computeDora(options(repo.root, { since: '2024-03-01', until: '2024-03-09', events, environments: ['*'] }));
    expect(report.groups.map((g) => `${g.labels.service}/${g.labels.environment}`)).toEqual(['api/staging', 'api/production', 'web/production']);
  });
});

describe('computeDora on bad repositories', () => {
  it('not a git repository: a clear error for tags; events still work without lead time', () => {
    const dir = new GitRepo();
    // A path that happens to contain "shallow" is still just a folder without git.
    const plain = dir.root + '-shallow-plain';
    mkdirSync(plain);
    try {
      expect(() => computeDora(options(plain, { since: '2024-01-01', until: '2024-03-30' }))).toThrow(/is not inside a git repository.*pass --events/);
      const events = join(plain, 'e.ndjson');
      writeFileSync(events, '{"type":"deployment","id":"d","finishedAt":"2024-01-02T00:00:00Z","commit":"abc"}\n');
      const report = computeDora(options(plain, { since: '2024-01-01', until: '2024-03-30', events }));
      expect(report.overall.deploymentFrequency.deployments).toBe(1);
      expect(report.overall.leadTime.changes).toBe(0);
      expect(report.problems[0].message).toMatch(/not inside a git repository.*Lead times are not computed/);
    } finally {
      dir.remove();
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('a shallow clone is refused with how to fetch the history (fetch-depth: 0)', () => {
    const origin = new GitRepo();
    origin.commit('one', '2024-01-01T00:00:00Z');
    origin.commit('two', '2024-01-02T00:00:00Z');
    const clone = origin.root + '-shallow';
    origin.git(['clone', '-q', '--depth', '1', `file://${origin.root}`, clone]);
    try {
      expect(() => computeDora(options(clone, { since: '2024-01-01', until: '2024-03-30' }))).toThrow(/is a shallow clone.*git fetch --unshallow --tags.*fetch-depth: 0/);
    } finally {
      origin.remove();
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
