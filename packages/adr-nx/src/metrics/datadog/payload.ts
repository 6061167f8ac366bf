import { gzipSync } from 'node:zlib';
import { INTAKE_LIMITS, LIMIT_HEADROOM, outsideIntakeWindow } from './limits';
import { createTagSanitizer, sanitizeMetricName } from './sanitize';
import type { DroppedPoints, DroppedReason, MetricSeries, PayloadLimits } from './types';

/**
 * A series in the exact JSON shape and key order the client's ObjectSerializer writes
 * (interval, metric, points, resources, tags, type, unit), so `body` below is byte for byte
 * the JSON the client posts before gzip. payload.spec.ts checks this against the client.
 */
export type WireSeries = Pick<MetricSeries, 'interval' | 'metric' | 'points' | 'resources' | 'tags' | 'type' | 'unit'>;

export interface Payload {
  series: WireSeries[];
  /** `{"series":[...]}` exactly as posted (before gzip). */
  body: string;
  rawBytes: number;
  /**
   * Size after gzip at zlib level 1, as checked against the compressed limit: an upper bound of
   * what the client sends (it gzips at level 6), at a third of the cost.
   */
  gzipBytes: number;
  points: number;
  /** Caller groups with at least one series in this payload. */
  groups: Set<string>;
}

export interface PreparedPayloads {
  payloads: Payload[];
  dropped: DroppedPoints[];
  /** In how many payloads each group's series are; a group is sent when all of them are accepted. */
  payloadsPerGroup: Map<string, number>;
  /** Groups whose every point was dropped (nothing to send, nothing to wait for). */
  emptyGroups: string[];
}

interface Item {
  wire: WireSeries;
  json: string;
  bytes: number;
  group: string;
}

const BODY_OPEN = '{"series":[';
const BODY_CLOSE = ']}';
const BODY_OVERHEAD = BODY_OPEN.length + BODY_CLOSE.length;

function toWire(s: MetricSeries, metric: string, tags: readonly string[], points: MetricSeries['points']): WireSeries {
  const wire: WireSeries = {} as WireSeries;
  if (s.interval !== undefined) wire.interval = Math.round(s.interval);
  wire.metric = metric;
  wire.points = points;
  if (s.resources?.length) wire.resources = s.resources.map((r) => ({ name: r.name, type: r.type }));
  if (tags.length) wire.tags = tags as string[];
  wire.type = s.type;
  if (s.unit) wire.unit = s.unit;
  return wire;
}

class DroppedTally {
  private readonly byKey = new Map<string, DroppedPoints>();
  add(metric: string, reason: DroppedReason, timestamp?: number): void {
    const key = `${metric}\u0000${reason}`;
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { metric, reason, points: 0 }));
    entry.points++;
    if (timestamp !== undefined && Number.isFinite(timestamp)) {
      entry.from = entry.from === undefined ? timestamp : Math.min(entry.from, timestamp);
      entry.to = entry.to === undefined ? timestamp : Math.max(entry.to, timestamp);
    }
  }
  list(): DroppedPoints[] {
    return [...this.byKey.values()];
  }
}

/** Points the intake keeps, with integer timestamps; the others are tallied in `dropped`. */
function keptPoints(s: MetricSeries, metric: string, nowMs: number, dropped: DroppedTally): MetricSeries['points'] {
  const points: MetricSeries['points'] = [];
  for (const p of s.points) {
    const timestamp = Math.floor(p.timestamp);
    if (!Number.isFinite(p.value) || !Number.isFinite(timestamp)) {
      dropped.add(metric, 'not a finite number', timestamp);
      continue;
    }
    const outside = outsideIntakeWindow(timestamp, nowMs);
    if (outside) dropped.add(metric, outside, timestamp);
    else points.push({ timestamp, value: p.value });
  }
  if (s.points.length === 0) dropped.add(metric, 'no points');
  return points;
}

/** Sanitised names and tags, integer timestamps, and only the points the intake keeps. */
function toItems(series: readonly MetricSeries[], groupOf: (s: MetricSeries, i: number) => string, nowMs: number, dropped: DroppedTally) {
  const sanitizeTags = createTagSanitizer();
  const metricNames = new Map<string, string>();
  const items: Item[] = [];
  const seenGroups = new Set<string>();
  const sentGroups = new Set<string>();
  series.forEach((s, index) => {
    const group = groupOf(s, index);
    seenGroups.add(group);
    let metric = metricNames.get(s.metric);
    if (metric === undefined) metricNames.set(s.metric, (metric = sanitizeMetricName(s.metric)));
    const points = keptPoints(s, metric, nowMs, dropped);
    if (points.length === 0) return;
    const wire = toWire(s, metric, sanitizeTags(s.tags), points);
    const json = JSON.stringify(wire);
    items.push({ wire, json, bytes: Buffer.byteLength(json), group });
    sentGroups.add(group);
  });
  return { items, emptyGroups: [...seenGroups].filter((g) => !sentGroups.has(g)) };
}

/** A series too big for one payload on its own is cut into several with the same name and tags. */
function splitOversized(item: Item, budget: number): Item[] {
  if (item.bytes + BODY_OVERHEAD <= budget || item.wire.points.length < 2) return [item];
  const half = Math.ceil(item.wire.points.length / 2);
  return [item.wire.points.slice(0, half), item.wire.points.slice(half)].flatMap((points) => {
    const wire = { ...item.wire, points };
    const json = JSON.stringify(wire);
    return splitOversized({ wire, json, bytes: Buffer.byteLength(json), group: item.group }, budget);
  });
}

/** Greedy packing by raw size, keeping each group's series together when they fit in one payload. */
function packByRawSize(items: Item[], budget: number): Item[][] {
  const byGroup = new Map<string, Item[]>();
  for (const item of items) {
    let list = byGroup.get(item.group);
    if (!list) byGroup.set(item.group, (list = []));
    list.push(...splitOversized(item, budget));
  }
  const chunks: Item[][] = [];
  let current: Item[] = [];
  let size = BODY_OVERHEAD;
  const flush = () => {
    if (current.length) chunks.push(current);
    current = [];
    size = BODY_OVERHEAD;
  };
  const add = (item: Item) => {
    const extra = item.bytes + (current.length ? 1 : 0);
    if (size + extra > budget) flush();
    size += item.bytes + (current.length ? 1 : 0);
    current.push(item);
  };
  for (const group of byGroup.values()) {
    const groupBytes = group.reduce((n, i) => n + i.bytes + 1, 0);
    if (size + groupBytes > budget && groupBytes + BODY_OVERHEAD <= budget) flush();
    for (const item of group) add(item);
  }
  flush();
  return chunks;
}

function toPayload(items: Item[]): Payload {
  const body = BODY_OPEN + items.map((i) => i.json).join(',') + BODY_CLOSE;
  return {
    series: items.map((i) => i.wire),
    body,
    rawBytes: Buffer.byteLength(body),
    gzipBytes: gzipSync(body, { level: 1 }).length,
    points: items.reduce((n, i) => n + i.wire.points.length, 0),
    groups: new Set(items.map((i) => i.group)),
  };
}

/** Halves a payload until its gzip size fits (telemetry JSON compresses ~10x, so this is rare). */
function fitCompressed(items: Item[], budget: number): Payload[] {
  const payload = toPayload(items);
  if (payload.gzipBytes <= budget || items.length < 2) return [payload];
  const half = Math.ceil(items.length / 2);
  return [...fitCompressed(items.slice(0, half), budget), ...fitCompressed(items.slice(half), budget)];
}

/**
 * Turns series into request payloads within the intake's limits (with 10 % headroom), after
 * dropping — and tallying, never silently — points the intake would discard.
 */
export function preparePayloads(
  series: readonly MetricSeries[],
  options: { groupOf?: (s: MetricSeries, i: number) => string; nowMs: number; limits?: Partial<PayloadLimits> },
): PreparedPayloads {
  const limits = { ...INTAKE_LIMITS, ...options.limits };
  const dropped = new DroppedTally();
  const { items, emptyGroups } = toItems(series, options.groupOf ?? (() => ''), options.nowMs, dropped);
  const rawBudget = Math.floor(limits.decompressedBytes * LIMIT_HEADROOM);
  const gzipBudget = Math.floor(limits.compressedBytes * LIMIT_HEADROOM);
  const payloads = packByRawSize(items, rawBudget).flatMap((chunk) => fitCompressed(chunk, gzipBudget));
  const payloadsPerGroup = new Map<string, number>();
  for (const p of payloads) for (const g of p.groups) payloadsPerGroup.set(g, (payloadsPerGroup.get(g) ?? 0) + 1);
  return { payloads, dropped: dropped.list(), payloadsPerGroup, emptyGroups };
}
