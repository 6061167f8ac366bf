import { median } from './stats';
import type { Incident, TimeWindow } from './types';

export interface TimeToRestore {
  /** Incidents created in the window. */
  incidents: number;
  resolved: number;
  /** Still open: reported, not counted in the median. */
  open: number;
  medianSeconds: number | null;
}

const createdIn = (window: TimeWindow) => (i: Incident) => i.createdAt >= window.since && i.createdAt < window.until;

/** Resolved minus created, in seconds, for the resolved incidents created in the window. */
export function resolutionSeconds(incidents: readonly Incident[], window: TimeWindow): number[] {
  return incidents.filter(createdIn(window)).flatMap((i) => (i.resolvedAt === null ? [] : [(i.resolvedAt - i.createdAt) / 1000]));
}

/** Time to restore: median of resolved minus created, over incidents created in the window. */
export function timeToRestore(incidents: readonly Incident[], window: TimeWindow): TimeToRestore {
  const count = incidents.filter(createdIn(window)).length;
  const durations = resolutionSeconds(incidents, window);
  return { incidents: count, resolved: durations.length, open: count - durations.length, medianSeconds: median(durations) };
}
