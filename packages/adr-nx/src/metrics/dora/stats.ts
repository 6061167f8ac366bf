import { percentile as percentileOfSorted } from '../percentile';

/**
 * Continuous percentile (p in 0..1) of any values, null for none: the shared linear interpolation
 * between closest ranks, which is SQL's PERCENTILE_CONT that Four Keys uses (median of
 * [1, 2, 3, 10] is 2.5).
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  return percentileOfSorted(isSorted(values) ? values : [...values].sort((a, b) => a - b), p * 100);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

function isSorted(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i - 1] > values[i]) return false;
  return true;
}
