import type { DroppedReason, PayloadLimits } from './types';

/** What POST /api/v2/series accepts (Datadog API reference, "Submit metrics"). */
export const INTAKE_LIMITS: PayloadLimits = {
  compressedBytes: 512_000,
  decompressedBytes: 5_242_880,
};

/** Payloads are cut at this share of the limits, leaving room for the client's own gzip output. */
export const LIMIT_HEADROOM = 0.9;

/** Points older than this are dropped by the intake. */
export const MAX_AGE_SECONDS = 3600;
/** Points further ahead than this are dropped by the intake. */
export const MAX_AHEAD_SECONDS = 600;

/** Why the intake would drop a point at this timestamp, or null when it is accepted. */
export function outsideIntakeWindow(timestampSeconds: number, nowMs: number): DroppedReason | null {
  const now = nowMs / 1000;
  if (timestampSeconds < now - MAX_AGE_SECONDS) return 'older than 1 h';
  if (timestampSeconds > now + MAX_AHEAD_SECONDS) return 'more than 10 min ahead';
  return null;
}
