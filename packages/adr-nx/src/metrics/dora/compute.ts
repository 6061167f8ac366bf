import { assignChanges, type ShippedDeployment } from './changes';
import { deploymentsFromBranch, deploymentsFromTags, groupDeployments, labelKey, labelsMatch } from './deployments';
import { DoraInputError, ShallowCloneError } from './errors';
import { readEventsFile, type EventsFile } from './events';
import { findFailures, type GroupHistory } from './failures';
import { assertFullHistory, readCommits, readFirstParentChain, readTags, resolveCommits } from './git-history';
import { summariseGroup, type DoraReport, type GroupReport } from './report';
import type { NaiveTimestampPolicy } from './time';
import type { Commit, Deployment, FailureSignal, GroupLabels, Incident, Problem, TimeWindow } from './types';

export interface DoraOptions {
  /** Root of the git work tree (the Nx workspace root). */
  root: string;
  window: TimeWindow;
  /** auto: events when the events file has deployments, else tags. */
  deploymentSource: 'auto' | 'tags' | 'branch' | 'events';
  tagPattern: string;
  /** Branch whose first-parent commits are the deployments, for deploymentSource=branch. */
  branch: string;
  events?: string;
  /** Labels of tag/branch deployments (events carry their own). */
  labels: GroupLabels;
  /** Environments that count ('*' for all). Events without one are production. */
  environments: readonly string[];
  failureSignals: readonly FailureSignal[];
  includeMergeCommits: boolean;
  naiveTimestamps: NaiveTimestampPolicy;
}

const DEFAULT_ENVIRONMENT = 'production';

/** Reads git (one history pass) and the events file, and computes the four keys per group and overall. */
export function computeDora(options: DoraOptions): DoraReport {
  const problems: Problem[] = [];
  const events: EventsFile | null = options.events ? readEventsFile(options.events, options.naiveTimestamps) : null;
  problems.push(...(events?.problems ?? []));
  const source = options.deploymentSource === 'auto' ? (events?.deployments.length ? 'events' : 'tags') : options.deploymentSource;

  const hasGit = requireGit(options.root, source, problems);
  let deployments = readDeployments(options, source, events, hasGit, problems);
  let incidents = (events?.incidents ?? []).map(withEnvironment);
  const otherEnvironments: Record<string, number> = {};
  const wanted = (labels: GroupLabels) => {
    if (options.environments.includes('*') || options.environments.includes(labels.environment)) return true;
    otherEnvironments[labels.environment] = (otherEnvironments[labels.environment] ?? 0) + 1;
    return false;
  };
  deployments = deployments.filter((d) => wanted(d.labels));
  incidents = incidents.filter((i) => wanted(i.labels));

  const histories = groupDeployments(deployments, options.window);
  // The one git pass. With one group, everything the boundary deployment had is left out (^boundary).
  const single = histories.length === 1 ? histories[0] : null;
  const exclude = single?.boundary?.sha ? [single.boundary.sha] : [];
  const tips = histories.flatMap((h) => [...h.deployments, ...(exclude.length ? [] : h.boundary ? [h.boundary] : [])].flatMap((d) => (d.sha ? [d.sha] : [])));
  const commits: Map<string, Commit> = hasGit ? readCommits(options.root, tips, exclude) : new Map();

  const groups: GroupHistory[] = histories.map((history) => ({ history, shipped: assignChanges(history, commits, exclude.length > 0) }));
  const signals = new Set(options.failureSignals);
  const { failures, incidentLinks } = findFailures(groups, incidents, signals);

  const window = effectiveWindow(options.window, histories, commits, events);
  const byGroup = incidentsByGroup(groups, incidents, incidentLinks);
  const reports: GroupReport[] = groups.map((g, i) => summariseGroup({ labels: g.history.labels, shipped: g.shipped.shipped, incidents: byGroup.assigned[i] }, failures, window, options.includeMergeCommits));
  for (const [, group] of byGroup.orphans) reports.push(summariseGroup({ labels: group[0].labels, shipped: [], incidents: group }, failures, window, options.includeMergeCommits));

  const allShipped: ShippedDeployment[] = groups.flatMap((g) => g.shipped.shipped);
  const overall = summariseGroup({ labels: { team: '', service: '', environment: '' }, shipped: allShipped, incidents }, failures, window, options.includeMergeCommits);
  return {
    window: { since: new Date(window.since).toISOString(), until: new Date(window.until).toISOString(), days: (window.until - window.since) / 86_400_000 },
    deploymentSource: source,
    groups: reports,
    overall,
    notDeployed: events?.notDeployed ?? {},
    otherEnvironments,
    problems,
  };
}

function withEnvironment<T extends { labels: GroupLabels }>(item: T): T {
  return item.labels.environment ? item : { ...item, labels: { ...item.labels, environment: DEFAULT_ENVIRONMENT } };
}

/** Tags and branch need git; events work without it (no lead time then). Shallow clones are refused. */
function requireGit(root: string, source: string, problems: Problem[]): boolean {
  try {
    assertFullHistory(root);
    return true;
  } catch (error) {
    if (source !== 'events' || error instanceof ShallowCloneError) throw error;
    problems.push({ message: `${(error as Error).message} Lead times are not computed.` });
    return false;
  }
}

function readDeployments(options: DoraOptions, source: string, events: EventsFile | null, hasGit: boolean, problems: Problem[]): Deployment[] {
  const labels = withEnvironment({ labels: options.labels }).labels;
  if (source === 'tags') {
    const tags = readTags(options.root);
    const deployments = deploymentsFromTags(tags, options.tagPattern, labels);
    if (deployments.length === 0) {
      const names = tags.slice(0, 5).map((t) => t.name);
      throw new DoraInputError(
        tags.length
          ? `No tag matches --tagPattern=${options.tagPattern} (the repository has ${tags.length} tags, e.g. ${names.join(', ')}). Pass the pattern of your release tags, e.g. --tagPattern='release-*'.`
          : `The repository has no tags, so there are no release tags to read deployments from. Tag releases (git tag v1.0.0), or use --deploymentSource=branch (every commit on the branch is a deployment) or --events.`,
      );
    }
    return deployments;
  }
  if (source === 'branch') return deploymentsFromBranch(readFirstParentChain(options.root, options.branch), labels);
  if (!events) throw new DoraInputError('--deploymentSource=events needs --events=<file> with deployment records.');
  const deployments = events.deployments.map(withEnvironment);
  if (!hasGit) return deployments.map((d) => ({ ...d, sha: null }));
  const resolved = resolveCommits(options.root, deployments.flatMap((d) => (d.sha ? [d.sha] : [])));
  return deployments.map((d) => {
    if (!d.sha) return d;
    const sha = resolved.get(d.sha) ?? null;
    if (!sha) problems.push({ file: options.events, message: `deployment ${d.id}: commit ${d.sha} is not in this repository; its changes are not counted` });
    return { ...d, sha };
  });
}

/**
 * Four Keys counts days from the first data it has: when history starts inside the window, the
 * days before the first commit or event are not "days without deployments".
 */
function effectiveWindow(window: TimeWindow, histories: readonly { boundary: Deployment | null }[], commits: ReadonlyMap<string, Commit>, events: EventsFile | null): TimeWindow {
  if (histories.some((h) => h.boundary)) return window;
  let first = Infinity;
  for (const c of commits.values()) if (c.time < first) first = c.time;
  for (const e of [...(events?.deployments ?? []), ...(events?.incidents ?? [])]) first = Math.min(first, 'time' in e ? e.time : e.createdAt);
  return first > window.since && first < window.until ? { since: first, until: window.until } : window;
}

/**
 * Each incident belongs to one group: its linked deployment's; else the one group its labels
 * match; an incident matching no group gets a group of its own; matching several, only `overall`.
 */
function incidentsByGroup(groups: readonly GroupHistory[], incidents: readonly Incident[], links: ReadonlyMap<Incident, Deployment>) {
  const assigned: Incident[][] = groups.map(() => []);
  const orphans = new Map<string, Incident[]>();
  for (const incident of incidents) {
    const linked = links.get(incident);
    let index = linked ? groups.findIndex((g) => g.history.boundary === linked || g.history.deployments.includes(linked)) : -1;
    if (index < 0) {
      const matching = groups.map((g, i) => (labelsMatch(g.history.labels, incident.labels) ? i : -1)).filter((i) => i >= 0);
      if (matching.length === 1) index = matching[0];
      else if (matching.length > 1) continue;
    }
    if (index >= 0) assigned[index].push(incident);
    else {
      const key = labelKey(incident.labels);
      orphans.set(key, [...(orphans.get(key) ?? []), incident]);
    }
  }
  return { assigned, orphans };
}
