/** Who a deployment or an incident belongs to. '' means "not given" (and matches anything when joining). */
export interface GroupLabels {
  team: string;
  service: string;
  environment: string;
}

/** A half-open time window [since, until), epoch milliseconds. */
export interface TimeWindow {
  since: number;
  until: number;
}

/** One commit as read from `git log`: enough to walk history and date changes. */
export interface Commit {
  sha: string;
  parents: string[];
  /** Committer date, epoch ms: when the change landed on the branch. */
  time: number;
  /** Sha named by "This reverts commit <sha>." in the message, when it is a revert. */
  revertOf: string | null;
}

export type DeploymentSource = 'tag' | 'branch' | 'event';

/** A change that reached production (a successful deployment), wherever it was read from. */
export interface Deployment {
  /** Tag name, event id, or short sha of a branch commit. */
  id: string;
  /** Full sha of the deployed commit when known (events may omit it). */
  sha: string | null;
  /** When it reached production, epoch ms. */
  time: number;
  labels: GroupLabels;
  source: DeploymentSource;
  /** The deployment event itself says it was rolled back. */
  rolledBack: boolean;
  /** Other tags on the same commit, folded into this deployment. */
  aliases: string[];
}

export interface Incident {
  id: string;
  labels: GroupLabels;
  createdAt: number;
  /** null while the incident is open. */
  resolvedAt: number | null;
  /** Sha of the change that caused it, when known. */
  commit: string | null;
  /** Id of the deployment that caused it, when known. */
  deploymentId: string | null;
}

/** Something the user should know about the input; never fatal. */
export interface Problem {
  file?: string;
  line?: number;
  message: string;
}

export type FailureSignal = 'incident' | 'revert' | 'rollback';
export const FAILURE_SIGNALS: readonly FailureSignal[] = ['incident', 'revert', 'rollback'];

export type Tier = 'elite' | 'high' | 'medium' | 'low';
export type FourKeysFrequencyBucket = 'daily' | 'weekly' | 'monthly' | 'yearly';
