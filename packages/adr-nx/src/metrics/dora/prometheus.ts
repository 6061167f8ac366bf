import type { DoraReport, GroupReport } from './report';
import { KEY_NAMES, TIER_SCORE } from './tiers';
import type { GroupLabels } from './types';

/**
 * Prometheus text exposition format 0.0.4 (what Pushgateway and node_exporter's textfile
 * collector read). Hand-written: the format is a few lines of rules, and prom-client models a
 * long-lived process's registry, not a one-shot snapshot of a window.
 *
 * Every series describes the window (e.g. the last 90 days) at the time of the run: query them
 * as they are (`dora_deployment_total`, `histogram_quantile(0.5, dora_lead_time_seconds_bucket)`),
 * not through rate().
 */

/** Buckets, in seconds, that fall on the DORA tier limits (1 h, 1 day, 1 week, 30 days) and between. */
export const DURATION_BUCKETS = [300, 900, 3600, 4 * 3600, 12 * 3600, 86400, 3 * 86400, 7 * 86400, 14 * 86400, 30 * 86400, 90 * 86400, 180 * 86400];

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function assertPrometheusPrefix(prefix: string): void {
  if (!METRIC_NAME.test(prefix)) throw new Error(`--prometheusPrefix=${prefix} is not a valid Prometheus metric name prefix (letters, digits, _ and :, not starting with a digit)`);
}

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).filter(([, v]) => v !== '');
  return pairs.length ? `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}` : '';
}

function formatValue(n: number): string {
  if (n === Infinity) return '+Inf';
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  lines: string[];
}

/** A histogram's _bucket (cumulative), _sum and _count lines for these values. */
function histogramLines(name: string, labels: Record<string, string>, values: readonly number[]): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lines: string[] = [];
  let i = 0;
  for (const le of [...DURATION_BUCKETS, Infinity]) {
    while (i < sorted.length && sorted[i] <= le) i++;
    lines.push(`${name}_bucket${labelText({ ...labels, le: formatValue(le) })} ${i}`);
  }
  lines.push(`${name}_sum${labelText(labels)} ${formatValue(sorted.reduce((a, b) => a + b, 0))}`);
  lines.push(`${name}_count${labelText(labels)} ${sorted.length}`);
  return lines;
}

function groupLabels(labels: GroupLabels): Record<string, string> {
  return { team: labels.team, service: labels.service, environment: labels.environment };
}

/** The whole exposition for a report: one series per team/service/environment group. */
export function toPrometheusText(report: DoraReport, prefix = 'dora'): string {
  assertPrometheusPrefix(prefix);
  const p = prefix;
  const families: Family[] = [
    { name: `${p}_window_seconds`, help: 'Length of the window the other series describe.', type: 'gauge', lines: [`${p}_window_seconds ${formatValue(report.window.days * 86400)}`] },
  ];
  const family = (name: string, help: string, type: Family['type'], line: (g: GroupReport, labels: Record<string, string>) => string[]) => {
    families.push({ name: `${p}_${name}`, help, type, lines: report.groups.flatMap((g) => line(g, groupLabels(g.labels))) });
  };
  const simple = (name: string, value: (g: GroupReport) => number | null) => (g: GroupReport, labels: Record<string, string>) => {
    const v = value(g);
    return v === null ? [] : [`${p}_${name}${labelText(labels)} ${formatValue(v)}`];
  };

  family('deployment_total', 'Deployments that reached production in the window.', 'counter', simple('deployment_total', (g) => g.deploymentFrequency.deployments));
  family('deployment_failed_total', 'Deployments of the window that caused a failure (incident, revert or rollback).', 'counter', simple('deployment_failed_total', (g) => g.changeFailureRate.failed));
  family('change_failure_ratio', 'Failed deployments / deployments in the window.', 'gauge', simple('change_failure_ratio', (g) => g.changeFailureRate.rate));
  family('deployment_frequency_per_day', 'Deployments per day over the window.', 'gauge', simple('deployment_frequency_per_day', (g) => g.deploymentFrequency.perDay));
  family('lead_time_seconds', 'Lead time for changes: deployment time minus commit time, per change deployed in the window.', 'histogram', (g, labels) =>
    histogramLines(`${p}_lead_time_seconds`, labels, g.samples.leadTimes),
  );
  family('lead_time_median_seconds', 'Median lead time for changes (exact, not from buckets).', 'gauge', simple('lead_time_median_seconds', (g) => g.leadTime.medianSeconds));
  family('lead_time_p90_seconds', '90th percentile lead time for changes (exact).', 'gauge', simple('lead_time_p90_seconds', (g) => g.leadTime.p90Seconds));
  family('incident_resolution_seconds', 'Time to restore: resolved minus created, per incident created in the window.', 'histogram', (g, labels) =>
    histogramLines(`${p}_incident_resolution_seconds`, labels, g.samples.resolutions),
  );
  family('incident_open', 'Incidents created in the window and still open (not in the resolution histogram).', 'gauge', simple('incident_open', (g) => g.timeToRestore.open));
  family('time_to_restore_median_seconds', 'Median time to restore (exact).', 'gauge', simple('time_to_restore_median_seconds', (g) => g.timeToRestore.medianSeconds));
  family('performance_tier', 'DORA 2023 tier per key: 4 elite, 3 high, 2 medium, 1 low.', 'gauge', (g, labels) =>
    (Object.keys(KEY_NAMES) as (keyof typeof KEY_NAMES)[]).flatMap((key) => {
      const t = g.tiers[key];
      return t ? [`${p}_performance_tier${labelText({ ...labels, key: KEY_NAMES[key] })} ${TIER_SCORE[t]}`] : [];
    }),
  );

  return families
    .filter((f) => f.lines.length)
    .map((f) => [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...f.lines].join('\n'))
    .join('\n') + '\n';
}

/**
 * PUTs the exposition to a Pushgateway (replacing the group's previous push):
 * `<url>/metrics/job/<job>`, or the URL as given when it already names a `/metrics/job/` path.
 */
export async function pushToGateway(url: string, job: string, text: string, timeoutMs = 15_000): Promise<{ ok: boolean; target: string; message: string }> {
  // https://user:pass@gateway/ is the usual way to give basic auth: fetch refuses credentials in a
  // URL, so they move to a header, and only the URL without them is ever printed.
  const { url: bare, authorization } = splitCredentials(url);
  const base = bare.replace(/\/+$/, '');
  const target = /\/metrics\/job\//.test(base) ? base : `${base}/metrics/job/${encodeURIComponent(job)}`;
  const headers: Record<string, string> = { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' };
  if (authorization) headers.authorization = authorization;
  try {
    const res = await fetch(target, { method: 'PUT', body: text, headers, signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.text()).trim();
    if (res.ok) return { ok: true, target, message: `pushed to ${target} (HTTP ${res.status})` };
    return { ok: false, target, message: `Pushgateway ${target} answered HTTP ${res.status}${body ? `: ${body.slice(0, 300)}` : ''}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return { ok: false, target, message: `could not reach the Pushgateway at ${target}: ${e.cause?.code ?? e.name}` };
  }
}

/** The URL without user:password, and those as a Basic Authorization header. */
export function splitCredentials(url: string): { url: string; authorization?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url };
  }
  if (!parsed.username && !parsed.password) return { url };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}
