import type { TimeWindow } from './types';

export const SECOND = 1000;
export const HOUR = 3600 * SECOND;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/**
 * What to do with a timestamp that has no zone ("2024-05-01T10:00:00"): 'reject' (default) reports
 * the line and skips it, because a guess can move a lead time by hours; 'utc' reads it as UTC.
 */
export type NaiveTimestampPolicy = 'reject' | 'utc';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export type ParsedTime = { ok: true; time: number } | { ok: false; reason: string };

/**
 * Reads an event timestamp: ISO 8601 with a zone (`Z` or `+02:00`), or epoch seconds/milliseconds
 * as a number. A timestamp without a zone is rejected unless the policy says 'utc'.
 */
export function parseTimestamp(value: unknown, naive: NaiveTimestampPolicy = 'reject'): ParsedTime {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    // Below 1e11 it can only be seconds (1e11 s is the year 5138); above, milliseconds.
    return { ok: true, time: value < 1e11 ? Math.round(value * 1000) : Math.round(value) };
  }
  if (typeof value !== 'string') return { ok: false, reason: `${JSON.stringify(value)} is not a timestamp (use ISO 8601 with a zone, e.g. 2024-05-01T10:00:00Z)` };
  const m = ISO.exec(value.trim());
  if (!m) return { ok: false, reason: `"${value}" is not an ISO 8601 timestamp (e.g. 2024-05-01T10:00:00Z)` };
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  if (!zone && naive === 'reject') {
    return { ok: false, reason: `"${value}" has no time zone: add "Z" (UTC) or an offset such as "+02:00", or pass --naiveTimestamps=utc to read zone-less times as UTC` };
  }
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${normalizeZone(zone ?? 'Z')}`;
  const time = Date.parse(text);
  // Date.parse rolls 2024-02-30 over to March 1st: compare the calendar fields back.
  const check = new Date(Date.UTC(+y, +mo - 1, +d));
  if (Number.isNaN(time) || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 60) {
    return { ok: false, reason: `"${value}" is not a real date and time` };
  }
  return { ok: true, time };
}

function normalizeZone(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

export interface WindowOptions {
  since?: string;
  until?: string;
  days?: number;
}

/**
 * The window [since, until). Defaults: until = now, since = until - days (90). A date without a
 * time is a whole UTC day: `--since=2024-01-01` starts at its midnight, `--until=2024-03-31`
 * includes March 31st.
 */
export function resolveWindow(options: WindowOptions, now: number): TimeWindow {
  const days = options.days ?? 90;
  if (!(days > 0)) throw new Error(`--days=${options.days} must be a positive number of days`);
  const until = options.until ? cliTime('until', options.until, true) : now;
  const since = options.since ? cliTime('since', options.since, false) : until - days * DAY;
  if (since >= until) throw new Error(`--since (${new Date(since).toISOString()}) must be before --until (${new Date(until).toISOString()})`);
  return { since, until };
}

function cliTime(name: string, value: string, endOfDay: boolean): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
  const parsed = parseTimestamp(value, 'utc');
  if (!parsed.ok) throw new Error(`--${name}=${value}: ${parsed.reason}`);
  return dateOnly && endOfDay ? parsed.time + DAY : parsed.time;
}

/** UTC day number (days since the epoch) of a time. */
export function utcDay(time: number): number {
  return Math.floor(time / DAY);
}

