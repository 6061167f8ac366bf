import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { textTable } from '../text-table';
import type { Payload } from './payload';
import type { SendLogger } from './types';

const TYPE_NAMES = ['unspecified', 'count', 'rate', 'gauge'];

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** One row per metric: what would be sent, so a team can see names, volumes and tag keys without an account. */
export function dryRunTable(payloads: Payload[]): string {
  const byMetric = new Map<string, { type: string; unit: string; series: number; points: number; min: number; max: number; tagKeys: Set<string> }>();
  for (const payload of payloads) {
    for (const s of payload.series) {
      let row = byMetric.get(s.metric);
      if (!row) byMetric.set(s.metric, (row = { type: TYPE_NAMES[s.type] ?? String(s.type), unit: s.unit ?? '', series: 0, points: 0, min: Infinity, max: -Infinity, tagKeys: new Set() }));
      row.series++;
      row.points += s.points.length;
      for (const p of s.points) {
        row.min = Math.min(row.min, p.value);
        row.max = Math.max(row.max, p.value);
      }
      for (const t of s.tags ?? []) row.tagKeys.add(t.split(':')[0]);
    }
  }
  const rows = [...byMetric.entries()].map(([metric, r]) => [metric, r.type, r.unit, r.series, r.points, round(r.min), round(r.max), [...r.tagKeys].join(',')]);
  return textTable(['metric', 'type', 'unit', 'series', 'points', 'min', 'max', 'tag keys'], rows);
}

/**
 * Prints the summary and writes the exact request bodies (NDJSON: one JSON body per line, as
 * POSTed before gzip) so they can be inspected or replayed with curl. Returns the file written.
 */
export function writeDryRun(payloads: Payload[], options: { file?: string; endpoint: string; reason?: string; logger: SendLogger }): string | undefined {
  const { logger } = options;
  const series = payloads.reduce((n, p) => n + p.series.length, 0);
  logger.info(`Datadog dry run (${options.reason ?? 'no API key'}): nothing sent. Would POST ${payloads.length} payload(s), ${series} series, to ${options.endpoint}.`);
  if (series > 0) logger.info(dryRunTable(payloads));
  if (!options.file) return undefined;
  mkdirSync(dirname(options.file), { recursive: true });
  writeFileSync(options.file, payloads.map((p) => p.body + '\n').join(''));
  logger.info(`Exact payload written to ${options.file} (one request body per line).`);
  return options.file;
}
