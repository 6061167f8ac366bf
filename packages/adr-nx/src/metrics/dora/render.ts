import { markdownTable, textTable, type Cell } from '../text-table';
import type { DoraReport, GroupReport } from './report';
import { TIER_THRESHOLDS } from './tiers';
import type { GroupLabels, Tier } from './types';

/** 93784 s -> "1d 2h", 2700 -> "45m", 30 -> "30s". Two units at most: it is a summary. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return 'n/a';
  const units: [string, number][] = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of units) {
    if (rest >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`);
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const tier = (t: Tier | null) => t ?? 'n/a';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function groupName(labels: GroupLabels): string {
  return [labels.team, labels.service, labels.environment].filter(Boolean).join(' / ') || 'all';
}

/** The four keys of one group, one row per key: [key, value, tier]. */
function keyRows(g: GroupReport): Cell[][] {
  const f = g.deploymentFrequency;
  const cfr = g.changeFailureRate;
  const signals = Object.entries(cfr.bySignal).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`);
  return [
    ['Deployment frequency', `${plural(f.deployments, 'deployment')}: ${num(f.perDay)}/day, ${num(f.perWeek)}/week (Four Keys: ${f.fourKeysBucket})`, tier(g.tiers.deploymentFrequency)],
    [
      'Lead time for changes',
      g.leadTime.changes
        ? `median ${formatDuration(g.leadTime.medianSeconds)}, p90 ${formatDuration(g.leadTime.p90Seconds)} (${plural(g.leadTime.changes, 'change')})`
        : `n/a (${g.leadTime.excluded ? `${plural(g.leadTime.excluded, 'change')} with zero lead time, left out` : 'no changes deployed'})`,
      tier(g.tiers.leadTime),
    ],
    ['Change failure rate', cfr.deployments ? `${percent(cfr.rate)} (${cfr.failed} of ${cfr.deployments}${signals.length ? `: ${signals.join(', ')}` : ''})` : 'n/a (no deployments)', tier(g.tiers.changeFailureRate)],
    [
      'Time to restore',
      g.timeToRestore.resolved ? `median ${formatDuration(g.timeToRestore.medianSeconds)} (${g.timeToRestore.resolved} resolved, ${g.timeToRestore.open} open)` : `n/a (${plural(g.timeToRestore.open, 'open incident')})`,
      tier(g.tiers.timeToRestore),
    ],
  ];
}

/** One row per team/service/environment when there are several. */
function groupRows(report: DoraReport): Cell[][] {
  return report.groups.map((g) => [
    groupName(g.labels),
    g.deploymentFrequency.deployments,
    num(g.deploymentFrequency.perWeek),
    formatDuration(g.leadTime.medianSeconds),
    percent(g.changeFailureRate.rate),
    formatDuration(g.timeToRestore.medianSeconds),
    [g.tiers.deploymentFrequency, g.tiers.leadTime, g.tiers.changeFailureRate, g.tiers.timeToRestore].map(tier).join('/'),
  ]);
}

const GROUP_HEADERS = ['group', 'deploys', 'per week', 'lead time', 'failure rate', 'restore', 'tiers (DF/LT/CFR/TTR)'];

function heading(report: DoraReport): string {
  const w = report.window;
  const lastDay = new Date(Date.parse(w.until) - 1).toISOString().slice(0, 10);
  return `DORA metrics ${w.since.slice(0, 10)} .. ${lastDay} (${num(w.days)} days), deployments from ${report.deploymentSource}`;
}

function notes(report: DoraReport): string[] {
  const out: string[] = [];
  const list = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ');
  if (Object.keys(report.notDeployed).length) out.push(`Deployments that did not reach production (not counted): ${list(report.notDeployed)}.`);
  if (Object.keys(report.otherEnvironments).length) out.push(`Other environments left out (use --environments): ${list(report.otherEnvironments)}.`);
  if (report.overall.openIncidents.length) out.push(`Open incidents (not in time to restore): ${report.overall.openIncidents.join(', ')}.`);
  if (report.problems.length) out.push(`${report.problems.length} input problem(s) skipped; see the warnings above.`);
  return out;
}

export function renderText(report: DoraReport): string {
  const parts = [heading(report), '', textTable(['key', 'value', 'tier (DORA 2023)'], keyRows(report.overall), ['left', 'left', 'left'])];
  if (report.groups.length > 1) parts.push('', textTable(GROUP_HEADERS, groupRows(report)));
  const n = notes(report);
  if (n.length) parts.push('', ...n);
  return parts.join('\n');
}

export function renderMarkdown(report: DoraReport): string {
  const parts = [`### ${heading(report)}`, '', markdownTable(['Key', 'Value', 'Tier (DORA 2023)'], keyRows(report.overall), ['left', 'left', 'left'])];
  if (report.groups.length > 1) parts.push('', markdownTable(GROUP_HEADERS, groupRows(report)));
  const n = notes(report);
  if (n.length) parts.push('', ...n.map((line) => `- ${line}`));
  const t = TIER_THRESHOLDS;
  parts.push(
    '',
    `<sub>Tiers: DORA 2023 bands. Elite: deployments every working day of the median week, lead time < 1 day, ` +
      `failure rate <= ${t.changeFailureRate.elite * 100}%, restore < 1 hour. See docs/dora.md.</sub>`,
    '',
  );
  return parts.join('\n');
}
