import type { DeploymentHistory } from './deployments';
import type { Commit, Deployment } from './types';

/** A deployment of the window with what it shipped. */
export interface ShippedDeployment {
  deployment: Deployment;
  /** Commits this deployment was the first to ship (git log previous..this, generalised to branches). */
  changes: Commit[];
  /** Set when this deployment went back to a commit already deployed: the deployment it rolled back. */
  rolledBackFrom: Deployment | null;
}

export interface ShippedHistory {
  shipped: ShippedDeployment[];
  /** Commit sha -> index in `shipped` of the deployment that first shipped it; -1 for the boundary deployment. */
  owner: Map<string, number>;
}

/**
 * Walks the history read in the one git pass, in memory: each deployment, oldest first, owns the
 * commits reachable from it that no earlier deployment owns. With a linear history that is exactly
 * `git log prev..this`; with branches, a commit is counted once, by the first deployment that had it.
 *
 * `excludedByBoundary` says the git pass left out everything reachable from the boundary deployment
 * (`^boundary`): a commit missing from `commits` was then already in production.
 */
export function assignChanges(history: DeploymentHistory, commits: ReadonlyMap<string, Commit>, excludedByBoundary: boolean): ShippedHistory {
  const owner = new Map<string, number>();
  const stack: string[] = [];
  const walk = (start: string, index: number, into: Commit[] | null) => {
    stack.push(start);
    while (stack.length) {
      const sha = stack.pop() as string;
      if (owner.has(sha)) continue;
      const commit = commits.get(sha);
      if (!commit) continue;
      owner.set(sha, index);
      into?.push(commit);
      for (const parent of commit.parents) if (!owner.has(parent)) stack.push(parent);
    }
  };

  let inProduction: Deployment | null = history.boundary;
  if (history.boundary?.sha) walk(history.boundary.sha, -1, null);

  const shipped: ShippedDeployment[] = [];
  history.deployments.forEach((deployment, index) => {
    const changes: Commit[] = [];
    let rolledBackFrom: Deployment | null = null;
    const sha = deployment.sha;
    if (sha) {
      const alreadyDeployed = owner.has(sha) || (excludedByBoundary && !commits.has(sha));
      if (alreadyDeployed && inProduction && sha !== inProduction.sha) rolledBackFrom = inProduction;
      if (!alreadyDeployed) walk(sha, index, changes);
      inProduction = deployment;
    }
    shipped.push({ deployment, changes, rolledBackFrom });
  });
  return { shipped, owner };
}
