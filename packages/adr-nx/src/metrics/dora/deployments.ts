import picomatch from 'picomatch';
import type { TagRef } from './git-history';
import type { Deployment, GroupLabels, TimeWindow } from './types';

/**
 * Release tags as deployments, oldest first. A tag on the commit that is already in production
 * (`v2.0` beside `v2.0.0`) is an alias, not a second deployment; a tag that goes back to an older
 * deployed commit is kept: it is a rollback (see changes.ts).
 */
export function deploymentsFromTags(tags: readonly TagRef[], pattern: string, labels: GroupLabels): Deployment[] {
  const isMatch = picomatch(pattern);
  const matching = tags.filter((t) => isMatch(t.name)).sort((a, b) => a.time - b.time || a.name.localeCompare(b.name));
  const deployments: Deployment[] = [];
  for (const tag of matching) {
    const current = deployments[deployments.length - 1];
    if (current && current.sha === tag.sha) {
      current.aliases.push(tag.name);
      continue;
    }
    deployments.push({ id: tag.name, sha: tag.sha, time: tag.time, labels, source: 'tag', rolledBack: false, aliases: [] });
  }
  return deployments;
}

/** Continuous deployment: every commit that landed on the branch (first parent) was deployed when it landed. */
export function deploymentsFromBranch(chain: readonly { sha: string; time: number }[], labels: GroupLabels): Deployment[] {
  return chain.map((c) => ({ id: c.sha.slice(0, 12), sha: c.sha, time: c.time, labels, source: 'branch' as const, rolledBack: false, aliases: [] }));
}

export function labelKey(labels: GroupLabels): string {
  return `${labels.team}\u0000${labels.service}\u0000${labels.environment}`;
}

/** True when every label given on both sides agrees ('' matches anything). */
export function labelsMatch(a: GroupLabels, b: GroupLabels): boolean {
  return (['team', 'service', 'environment'] as const).every((k) => !a[k] || !b[k] || a[k] === b[k]);
}

/** One team/service/environment's deployments: those in the window, and the last one before it. */
export interface DeploymentHistory {
  labels: GroupLabels;
  /** In the window, oldest first. */
  deployments: Deployment[];
  /** The last deployment before the window: what was in production when it opened. */
  boundary: Deployment | null;
}

export function groupDeployments(deployments: readonly Deployment[], window: TimeWindow): DeploymentHistory[] {
  const groups = new Map<string, DeploymentHistory>();
  const sorted = [...deployments].sort((a, b) => a.time - b.time);
  for (const d of sorted) {
    if (d.time >= window.until) continue;
    const key = labelKey(d.labels);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { labels: d.labels, deployments: [], boundary: null }));
    if (d.time < window.since) group.boundary = d;
    else group.deployments.push(d);
  }
  return [...groups.values()];
}
