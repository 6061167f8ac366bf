import type { DeploymentFrequency } from './deployment-frequency';
import { DAY, HOUR } from './time';
import type { Tier } from './types';

/**
 * DORA 2023 performance bands (Accelerate State of DevOps Report 2023, "software delivery
 * performance levels"), made contiguous the way Apache DevLake's 2023 benchmarks are (the report's
 * low cluster overlaps medium on throughput). docs/dora.md cites both.
 *
 *                  elite            high                 medium                 low
 * deploy freq.     on demand        daily..weekly        weekly..monthly        < monthly
 * lead time        < 1 day          1 day..1 week        1 week..1 month        > 1 month
 * change failure   <= 5 %           <= 10 %              <= 15 %                > 15 %
 * time to restore  < 1 hour         < 1 day              1 day..1 week          > 1 week
 */
export const TIER_THRESHOLDS = {
  deploymentFrequency: { eliteDaysPerWeek: 5, highDaysPerWeek: 1, mediumDaysPerMonth: 1 },
  leadTimeSeconds: { elite: DAY / 1000, high: (7 * DAY) / 1000, medium: (30 * DAY) / 1000 },
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  timeToRestoreSeconds: { elite: HOUR / 1000, high: DAY / 1000, medium: (7 * DAY) / 1000 },
} as const;

/**
 * Measured on the typical (median) week and month, so one burst of releases does not make a
 * team elite: elite = deployments on every working day of the median week ("on demand");
 * high = the median week has a deployment day; medium = the median month has one; else low.
 */
export function deploymentFrequencyTier(f: DeploymentFrequency): Tier {
  const t = TIER_THRESHOLDS.deploymentFrequency;
  if (f.medianDeploymentDaysPerWeek >= t.eliteDaysPerWeek) return 'elite';
  if (f.medianDeploymentDaysPerWeek >= t.highDaysPerWeek) return 'high';
  if (f.medianDeploymentDaysPerMonth >= t.mediumDaysPerMonth) return 'medium';
  return 'low';
}

function below(value: number | null, t: { elite: number; high: number; medium: number }, inclusive: boolean): Tier | null {
  if (value === null) return null;
  const under = (limit: number) => (inclusive ? value <= limit : value < limit);
  if (under(t.elite)) return 'elite';
  if (under(t.high)) return 'high';
  if (under(t.medium)) return 'medium';
  return 'low';
}

export const leadTimeTier = (medianSeconds: number | null) => below(medianSeconds, TIER_THRESHOLDS.leadTimeSeconds, false);
export const changeFailureRateTier = (rate: number | null) => below(rate, TIER_THRESHOLDS.changeFailureRate, true);
export const timeToRestoreTier = (medianSeconds: number | null) => below(medianSeconds, TIER_THRESHOLDS.timeToRestoreSeconds, false);

/** For gauges: elite 4 .. low 1. */
export const TIER_SCORE: Record<Tier, number> = { elite: 4, high: 3, medium: 2, low: 1 };

/** snake_case names of the four keys, for metric labels and tags. */
export const KEY_NAMES = { deploymentFrequency: 'deployment_frequency', leadTime: 'lead_time', changeFailureRate: 'change_failure_rate', timeToRestore: 'time_to_restore' } as const;
