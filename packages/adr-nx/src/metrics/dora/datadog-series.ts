import { MetricType, tag, type MetricSeries } from '../datadog';
import type { DoraReport } from './report';
import { KEY_NAMES, TIER_SCORE } from './tiers';

/**
 * The report as Datadog gauges (`<prefix>.*`, default `fx.dora`), one series per team/service/
 * environment, stamped now: each run is a snapshot of the window, so gauges (not counts) —
 * Datadog then shows the last value of each week's run. `env` is Datadog's reserved tag for the
 * environment, so dashboards filter it like their APM data.
 */
export function toDatadogSeries(report: DoraReport, options: { prefix: string; nowSeconds: number; tags: readonly string[] }): MetricSeries[] {
  const series: MetricSeries[] = [];
  for (const g of report.groups) {
    const tags = [
      tag('team', g.labels.team),
      tag('service', g.labels.service),
      tag('env', g.labels.environment),
      tag('window_days', Math.round(report.window.days)),
      tag('deployment_source', report.deploymentSource),
      ...options.tags,
    ].filter((t): t is string => t !== null);
    const gauge = (name: string, value: number | null, unit?: string, extra: string[] = []) => {
      if (value === null) return;
      series.push({ metric: `${options.prefix}.${name}`, type: MetricType.gauge, points: [{ timestamp: options.nowSeconds, value }], tags: [...tags, ...extra], ...(unit ? { unit } : {}) });
    };
    gauge('deployments', g.deploymentFrequency.deployments);
    gauge('deployments.failed', g.changeFailureRate.failed);
    gauge('deployments.per_day', g.deploymentFrequency.perDay);
    gauge('change_failure_rate', g.changeFailureRate.rate, 'fraction');
    gauge('lead_time.median', g.leadTime.medianSeconds, 'second');
    gauge('lead_time.p90', g.leadTime.p90Seconds, 'second');
    gauge('lead_time.changes', g.leadTime.changes);
    gauge('time_to_restore.median', g.timeToRestore.medianSeconds, 'second');
    gauge('incidents.resolved', g.timeToRestore.resolved);
    gauge('incidents.open', g.timeToRestore.open);
    for (const key of Object.keys(KEY_NAMES) as (keyof typeof KEY_NAMES)[]) {
      const t = g.tiers[key];
      if (t) gauge('tier', TIER_SCORE[t], undefined, [`key:${KEY_NAMES[key]}`, `tier:${t}`]);
    }
  }
  return series;
}
