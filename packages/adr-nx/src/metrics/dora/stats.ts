/**
 * Continuous percentile (linear interpolation between closest ranks), the same as SQL's
 * PERCENTILE_CONT that Four Keys uses: p=0.5 of [1, 2, 3, 10] is 2.5. null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = isSorted(values) ? values : [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

function isSorted(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i - 1] > values[i]) return false;
  return true;
}
