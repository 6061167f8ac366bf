import type { ShippedDeployment } from './changes';
import { percentile } from './stats';

export interface LeadTime {
  /** Changes whose lead time counts (positive). */
  changes: number;
  /** Changes with zero or negative lead time: automated commits, left out as Four Keys does. */
  excluded: number;
  /** Merge commits left out (they are links in the workflow, not changes) unless includeMergeCommits. */
  mergeCommits: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** Lead time for changes: deployment time minus commit time, for every change each deployment shipped. */
function leadTimeSeconds(shipped: readonly ShippedDeployment[], includeMergeCommits: boolean): { values: number[]; excluded: number; mergeCommits: number } {
  const values: number[] = [];
  let excluded = 0;
  let mergeCommits = 0;
  for (const { deployment, changes } of shipped) {
    for (const commit of changes) {
      if (commit.parents.length > 1 && !includeMergeCommits) {
        mergeCommits++;
        continue;
      }
      const seconds = (deployment.time - commit.time) / 1000;
      if (seconds > 0) values.push(seconds);
      else excluded++;
    }
  }
  return { values, excluded, mergeCommits };
}

/** The summary, and the sorted lead times in seconds (for the histogram). */
export function leadTime(shipped: readonly ShippedDeployment[], includeMergeCommits: boolean): { summary: LeadTime; values: number[] } {
  const { values, excluded, mergeCommits } = leadTimeSeconds(shipped, includeMergeCommits);
  values.sort((a, b) => a - b);
  return { summary: { changes: values.length, excluded, mergeCommits, medianSeconds: percentile(values, 0.5), p90Seconds: percentile(values, 0.9) }, values };
}
