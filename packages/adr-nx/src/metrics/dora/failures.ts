import type { ShippedHistory } from './changes';
import { labelsMatch, type DeploymentHistory } from './deployments';
import type { Deployment, FailureSignal, Incident } from './types';

export interface GroupHistory {
  history: DeploymentHistory;
  shipped: ShippedHistory;
}

/** Why each failed deployment of the window counts as failed. */
export type Failures = Map<Deployment, Set<FailureSignal>>;

/**
 * Recognises failed deployments of the window (change failure rate's numerator), by the signals
 * asked for:
 * - incident: an incident names the deployment (`deployment`), or the commit that caused it
 *   (`commit`: the deployment that shipped it); with neither, the last deployment of the same
 *   team/service/environment before the incident started (as Apache DevLake links them);
 * - revert: a later deployment ships `Revert "..."` of a commit this deployment shipped (a revert
 *   shipped by the same deployment is no production failure);
 * - rollback: a later deployment goes back to an older deployed commit, or the deployment event
 *   says `rolled_back`.
 */
export function findFailures(groups: readonly GroupHistory[], incidents: readonly Incident[], signals: ReadonlySet<FailureSignal>): { failures: Failures; incidentLinks: Map<Incident, Deployment> } {
  const failures: Failures = new Map();
  const fail = (d: Deployment, why: FailureSignal) => {
    if (!signals.has(why)) return;
    let set = failures.get(d);
    if (!set) failures.set(d, (set = new Set()));
    set.add(why);
  };

  for (const { shipped } of groups) {
    shipped.shipped.forEach((s, index) => {
      if (s.deployment.rolledBack) fail(s.deployment, 'rollback');
      if (s.rolledBackFrom && inWindow(shipped, s.rolledBackFrom)) fail(s.rolledBackFrom, 'rollback');
      for (const change of s.changes) {
        if (!change.revertOf) continue;
        const at = ownerOf(shipped.owner, change.revertOf);
        if (at !== undefined && at >= 0 && at < index) fail(shipped.shipped[at].deployment, 'revert');
      }
    });
  }

  const incidentLinks = new Map<Incident, Deployment>();
  for (const incident of incidents) {
    const deployment = linkIncident(groups, incident);
    if (!deployment) continue;
    incidentLinks.set(incident, deployment);
    if (groups.some((g) => inWindow(g.shipped, deployment))) fail(deployment, 'incident');
  }
  return { failures, incidentLinks };
}

function inWindow(shipped: ShippedHistory, d: Deployment): boolean {
  return shipped.shipped.some((s) => s.deployment === d);
}

/** Full or abbreviated sha -> owning deployment index. */
function ownerOf(owner: ReadonlyMap<string, number>, sha: string): number | undefined {
  const exact = owner.get(sha);
  if (exact !== undefined || sha.length >= 40) return exact;
  for (const [full, index] of owner) if (full.startsWith(sha)) return index;
  return undefined;
}

function linkIncident(groups: readonly GroupHistory[], incident: Incident): Deployment | null {
  const candidates = groups.filter((g) => labelsMatch(g.history.labels, incident.labels));
  if (incident.deploymentId) {
    for (const g of candidates) {
      const all = g.history.boundary ? [g.history.boundary, ...g.history.deployments] : g.history.deployments;
      const found = all.find((d) => d.id === incident.deploymentId);
      if (found) return found;
    }
    return null;
  }
  if (incident.commit) {
    for (const g of candidates) {
      const at = ownerOf(g.shipped.owner, incident.commit);
      if (at !== undefined) return at >= 0 ? g.shipped.shipped[at].deployment : g.history.boundary;
    }
    return null;
  }
  let latest: Deployment | null = null;
  for (const g of candidates) {
    for (const d of [g.history.boundary, ...g.history.deployments]) {
      if (d && d.time <= incident.createdAt && (!latest || d.time > latest.time)) latest = d;
    }
  }
  return latest;
}
