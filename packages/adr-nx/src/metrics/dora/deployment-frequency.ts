import { median } from './stats';
import { DAY, utcDay, WEEK } from './time';
import type { FourKeysFrequencyBucket, TimeWindow } from './types';

export interface DeploymentFrequency {
  deployments: number;
  /** Length of the window in days (from the first data when history starts inside the window). */
  days: number;
  perDay: number;
  perWeek: number;
  /** Distinct UTC days with at least one deployment. */
  deploymentDays: number;
  /** Median, over the (Monday-start, UTC) weeks of the window, of the days with a deployment. */
  medianDeploymentDaysPerWeek: number;
  /** Median, over the calendar months of the window, of the days with a deployment. */
  medianDeploymentDaysPerMonth: number;
  /** Four Keys' bucket (METRICS.md, "Calculating the bucket"). */
  fourKeysBucket: FourKeysFrequencyBucket;
}

/** 1970-01-01 was a Thursday: shift so weeks start on Monday. */
const weekOf = (day: number) => day - ((day + 3) % 7);
const monthOf = (day: number) => {
  const d = new Date(day * DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

export function deploymentFrequency(times: readonly number[], window: TimeWindow): DeploymentFrequency {
  const days = (window.until - window.since) / DAY;
  const deployedDays = new Set(times.map(utcDay));
  const weeks = new Map<number, number>();
  const months = new Map<number, number>();
  for (let day = utcDay(window.since); day <= utcDay(window.until - 1); day++) {
    const hit = deployedDays.has(day) ? 1 : 0;
    weeks.set(weekOf(day), (weeks.get(weekOf(day)) ?? 0) + hit);
    months.set(monthOf(day), (months.get(monthOf(day)) ?? 0) + hit);
  }
  const daysPerWeek = [...weeks.values()];
  return {
    deployments: times.length,
    days,
    perDay: times.length / days,
    perWeek: (times.length / days) * (WEEK / DAY),
    deploymentDays: deployedDays.size,
    medianDeploymentDaysPerWeek: median(daysPerWeek) ?? 0,
    medianDeploymentDaysPerMonth: median([...months.values()]) ?? 0,
    fourKeysBucket: fourKeysBucket(weeks),
  };
}

/**
 * Four Keys' rule, over the weeks of the window:
 * daily   - the median number of days per week with deployments is at least 3;
 * weekly  - the median week has a deployment (median of 0/1 "week deployed" is at least 1);
 * monthly - the median, over weeks, of the deployed weeks in that week's month is at least 1;
 * yearly  - anything slower.
 */
function fourKeysBucket(weeks: ReadonlyMap<number, number>): FourKeysFrequencyBucket {
  const rows = [...weeks].map(([week, days]) => ({ month: monthOf(week), days, deployed: days > 0 ? 1 : 0 }));
  if ((median(rows.map((r) => r.days)) ?? 0) >= 3) return 'daily';
  if ((median(rows.map((r) => r.deployed)) ?? 0) >= 1) return 'weekly';
  const perMonth = new Map<number, number>();
  for (const r of rows) perMonth.set(r.month, (perMonth.get(r.month) ?? 0) + r.deployed);
  if ((median(rows.map((r) => perMonth.get(r.month) ?? 0)) ?? 0) >= 1) return 'monthly';
  return 'yearly';
}
