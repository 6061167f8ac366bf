/**
 * npm run bench:dora — the dora computation on a big history.
 *
 * Builds a repository of 50,000 commits (linear, with a merged side branch every 20 commits) and
 * 2,000 annotated release tags with `git fast-import`, all inside the default 90-day window, plus
 * 300 incidents; then times computeDora (every git call included) and, for the ratio, what one
 * `git log prev..this` process per tag would cost (measured on 100 tags, scaled to 2,000).
 * Goal: under 5 s on a 2-core machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeDora } from '../packages/adr-nx/src/metrics/dora/compute';
import { resolveWindow } from '../packages/adr-nx/src/metrics/dora/time';
import { FAILURE_SIGNALS } from '../packages/adr-nx/src/metrics/dora/types';

const COMMITS = 50_000;
const TAGS = 2_000;
const INCIDENTS = 300;
const root = mkdtempSync(join(tmpdir(), 'bench-dora-'));
const now = Math.floor(Date.now() / 1000);
const start = now - 85 * 86400; // history spans 85 days, inside the 90-day window
const step = Math.floor((84 * 86400) / COMMITS);

function fastImportStream(): string {
  const out: string[] = [];
  const who = (t: number) => `Bench <bench@example.com> ${t} +0000`;
  let mark = 0;
  let mainHead = 0;
  const mainMarks: number[] = [];
  // Main-line commits are ~95 % of all (every 20th is a side commit): tag every 23rd.
  const tagEvery = Math.floor((COMMITS * 0.95) / TAGS);
  let made = 0;
  let tags = 0;
  while (made < COMMITS) {
    const t = start + made * step;
    let side = 0;
    if (made % 20 === 19 && mainMarks.length > 5 && made + 1 < COMMITS) {
      // A side branch commit forked 5 commits back, merged by the next main commit.
      side = ++mark;
      out.push(`commit refs/heads/side`, `mark :${side}`, `committer ${who(t - step * 3)}`, `data 9`, `side work`, `from :${mainMarks[mainMarks.length - 5]}`, `M 100644 inline side.txt`, `data 3`, `${side % 1000}`.padStart(3, '0'));
      made++;
    }
    const m = ++mark;
    const message = side ? `Merge side ${side}` : `change ${made}`;
    out.push(`commit refs/heads/main`, `mark :${m}`, `committer ${who(t)}`, `data ${Buffer.byteLength(message)}`, message);
    if (mainHead) out.push(`from :${mainHead}`);
    if (side) out.push(`merge :${side}`);
    out.push(`M 100644 inline f${made % 50}.txt`, `data 8`, String(made).padStart(8, '0'));
    mainHead = m;
    mainMarks.push(m);
    made++;
    if (mainMarks.length % tagEvery === 0 && tags < TAGS) {
      tags++;
      out.push(`tag v1.${Math.floor(tags / 100)}.${tags % 100}`, `from :${m}`, `tagger ${who(t + 3600)}`, `data 7`, `release`);
    }
  }
  return out.join('\n') + '\n';
}

function main(): void {
  let t0 = performance.now();
  execFileSync('git', ['init', '-q', '-b', 'main', root]);
  const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: root, input: fastImportStream(), maxBuffer: 1 << 30 });
  if (imported.status !== 0) throw new Error(`git fast-import failed: ${imported.stderr}`);
  const commits = Number(execFileSync('git', ['rev-list', '--count', '--all'], { cwd: root, encoding: 'utf8' }).trim());
  const tagCount = execFileSync('git', ['tag', '--list', 'v*'], { cwd: root, encoding: 'utf8' }).trim().split('\n').length;
  const incidents = Array.from({ length: INCIDENTS }, (_, i) => {
    const created = start + Math.floor(((i + 0.5) / INCIDENTS) * 84 * 86400);
    return JSON.stringify({ type: 'incident', id: `INC-${i}`, startedAt: new Date(created * 1000).toISOString(), finishedAt: i % 10 ? new Date((created + 600 + i * 37) * 1000).toISOString() : null });
  });
  writeFileSync(join(root, 'events.ndjson'), incidents.join('\n') + '\n');
  console.log(`built ${commits} commits, ${tagCount} tags, ${INCIDENTS} incidents in ${((performance.now() - t0) / 1000).toFixed(1)} s (${root})`);

  t0 = performance.now();
  const report = computeDora({
    root,
    window: resolveWindow({ days: 90 }, Date.now()),
    deploymentSource: 'tags',
    tagPattern: 'v*',
    branch: 'HEAD',
    events: join(root, 'events.ndjson'),
    labels: { team: '', service: '', environment: '' },
    environments: ['production'],
    failureSignals: FAILURE_SIGNALS,
    includeMergeCommits: false,
    naiveTimestamps: 'reject',
  });
  const onePass = (performance.now() - t0) / 1000;
  const o = report.overall;
  console.log(`dora computation: ${onePass.toFixed(2)} s — ${o.deploymentFrequency.deployments} deployments, ${o.leadTime.changes} changes (+${o.leadTime.mergeCommits} merges), ` +
    `lead time median ${Math.round(o.leadTime.medianSeconds ?? 0)} s, change failure rate ${((o.changeFailureRate.rate ?? 0) * 100).toFixed(1)} %, ` +
    `${o.timeToRestore.resolved} incidents resolved / ${o.timeToRestore.open} open`);

  // The naive way: one `git log prev..this` per tag. Measured on 100 consecutive tags, scaled.
  const ids = o.deployments.map((d) => d.id);
  const sample = Math.min(100, ids.length - 1);
  t0 = performance.now();
  let naiveChanges = 0;
  for (let i = 1; i <= sample; i++) {
    naiveChanges += execFileSync('git', ['log', '--format=%H %ct', `${ids[i - 1]}..${ids[i]}`], { cwd: root, encoding: 'utf8' }).split('\n').length - 1;
  }
  const perTag = (performance.now() - t0) / 1000 / sample;
  const naive = perTag * ids.length;
  console.log(`one git process per tag: ${(perTag * 1000).toFixed(1)} ms each (${naiveChanges} changes on ${sample} tags) -> ~${naive.toFixed(1)} s for ${ids.length} tags`);
  console.log(`ratio: one pass is ${(naive / onePass).toFixed(1)}x faster; goal < 5 s: ${onePass < 5 ? 'met' : 'NOT met'} (${onePass.toFixed(2)} s)`);
  rmSync(root, { recursive: true, force: true });
  if (o.deploymentFrequency.deployments !== TAGS || commits !== COMMITS) throw new Error(`expected ${TAGS} deployments and ${COMMITS} commits`);
}

main();
