/**
 * The q-th percentile (0-100) of ascending values, interpolating linearly between the two
 * nearest ranks (numpy's default, Excel's PERCENTILE.INC). Shared with DORA's medians.
 */
export function percentile(sortedAscending: readonly number[], q: number): number {
  const n = sortedAscending.length;
  if (n === 0) return Number.NaN;
  const rank = (Math.min(100, Math.max(0, q)) / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sortedAscending[lo] + (sortedAscending[hi] - sortedAscending[lo]) * (rank - lo);
}
