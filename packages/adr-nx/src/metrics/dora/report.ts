import type { ShippedDeployment } from './changes';
import { deploymentFrequency, type DeploymentFrequency } from './deployment-frequency';
import type { Failures } from './failures';
import { leadTime, type LeadTime } from './lead-time';
import { changeFailureRateTier, deploymentFrequencyTier, leadTimeTier, timeToRestoreTier } from './tiers';
import { resolutionSeconds, timeToRestore, type TimeToRestore } from './time-to-restore';
import type { FailureSignal, GroupLabels, Incident, Problem, Tier, TimeWindow } from './types';

export interface ChangeFailureRate {
  deployments: number;
  failed: number;
  /** failed / deployments; null without deployments. */
  rate: number | null;
  /** Failed deployments recognised by each signal (one deployment can show several). */
  bySignal: Record<FailureSignal, number>;
}

export interface DeploymentDetail {
  id: string;
  sha: string | null;
  time: string;
  aliases: string[];
  changes: number;
  rollbackOf: string | null;
  failed: FailureSignal[];
}

/** The four keys of one team/service/environment (or of everything: `overall`). */
export interface GroupReport {
  labels: GroupLabels;
  deploymentFrequency: DeploymentFrequency;
  leadTime: LeadTime;
  changeFailureRate: ChangeFailureRate;
  timeToRestore: TimeToRestore;
  tiers: { deploymentFrequency: Tier; leadTime: Tier | null; changeFailureRate: Tier | null; timeToRestore: Tier | null };
  deployments: DeploymentDetail[];
  openIncidents: string[];
  /** Raw values for histograms (seconds); not printed in JSON. */
  samples: { leadTimes: number[]; resolutions: number[] };
}

export interface DoraReport {
  window: { since: string; until: string; days: number };
  deploymentSource: 'tags' | 'branch' | 'events';
  groups: GroupReport[];
  overall: GroupReport;
  /** Deployment records that never reached production, by status. */
  notDeployed: Record<string, number>;
  /** Deployments and incidents of environments not asked for, by environment. */
  otherEnvironments: Record<string, number>;
  problems: Problem[];
}

export interface GroupInput {
  labels: GroupLabels;
  shipped: readonly ShippedDeployment[];
  incidents: readonly Incident[];
}

export function summariseGroup(input: GroupInput, failures: Failures, window: TimeWindow, includeMergeCommits: boolean): GroupReport {
  const { shipped, incidents } = input;
  const frequency = deploymentFrequency(shipped.map((s) => s.deployment.time), window);
  const { summary: lead, values: leadTimes } = leadTime(shipped, includeMergeCommits);
  const bySignal: Record<FailureSignal, number> = { incident: 0, revert: 0, rollback: 0 };
  let failed = 0;
  for (const s of shipped) {
    const why = failures.get(s.deployment);
    if (!why?.size) continue;
    failed++;
    for (const signal of why) bySignal[signal]++;
  }
  const cfr: ChangeFailureRate = { deployments: shipped.length, failed, rate: shipped.length ? failed / shipped.length : null, bySignal };
  const restore = timeToRestore(incidents, window);
  return {
    labels: input.labels,
    deploymentFrequency: frequency,
    leadTime: lead,
    changeFailureRate: cfr,
    timeToRestore: restore,
    tiers: {
      deploymentFrequency: deploymentFrequencyTier(frequency),
      leadTime: leadTimeTier(lead.medianSeconds),
      changeFailureRate: changeFailureRateTier(cfr.rate),
      timeToRestore: timeToRestoreTier(restore.medianSeconds),
    },
    deployments: shipped.map((s) => ({
      id: s.deployment.id,
      sha: s.deployment.sha,
      time: new Date(s.deployment.time).toISOString(),
      aliases: s.deployment.aliases,
      changes: s.changes.length,
      rollbackOf: s.rolledBackFrom?.id ?? null,
      failed: [...(failures.get(s.deployment) ?? [])],
    })),
    openIncidents: incidents.filter((i) => i.resolvedAt === null && i.createdAt >= window.since && i.createdAt < window.until).map((i) => i.id),
    samples: { leadTimes, resolutions: resolutionSeconds(incidents, window) },
  };
}

/** The report as printed by --format=json: everything but the raw samples (kept for histograms). */
export function reportJson(report: DoraReport): string {
  return JSON.stringify(report, (key, value) => (key === 'samples' ? undefined : value), 2);
}
