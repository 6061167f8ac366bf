import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { DoraInputError } from './errors';
import { parseTimestamp, type NaiveTimestampPolicy } from './time';
import type { Deployment, GroupLabels, Incident, Problem } from './types';

/**
 * The events file: deployments and incidents exported from GitHub deployments, PagerDuty, Datadog...
 * Either NDJSON (one JSON object a line), a JSON array of objects, or a JSON object with
 * `deployments` and/or `incidents` arrays. A record:
 *
 *   {"type":"deployment","id":"d-42","service":"api","team":"payments","environment":"production",
 *    "startedAt":"2024-05-01T10:00:00Z","finishedAt":"2024-05-01T10:07:00Z","status":"success","commit":"<sha>"}
 *   {"type":"incident","id":"INC-7","service":"api","startedAt":"...","finishedAt":null,"commit":"<sha>"}
 *
 * A bad record is reported with its line and field and skipped; every other record still counts.
 */
export interface EventsFile {
  deployments: Deployment[];
  incidents: Incident[];
  /** Deployment records that did not reach production (failed, cancelled, in progress), by status. */
  notDeployed: Record<string, number>;
  problems: Problem[];
}

/** Names accepted for each field, first one canonical (exports differ; keep this list short). */
const FIELDS = {
  started: ['startedAt', 'started', 'createdAt'],
  finished: ['finishedAt', 'finished', 'resolvedAt'],
  commit: ['commit', 'sha'],
  deployment: ['deployment', 'deploymentId'],
} as const;

const DEPLOYED = new Set(['success', 'succeeded', 'successful', 'completed', 'deployed']);
const ROLLED_BACK = new Set(['rolled_back', 'rolledback', 'rollback']);
const NOT_DEPLOYED = new Set(['failure', 'failed', 'error', 'cancelled', 'canceled', 'in_progress', 'pending', 'queued', 'skipped']);

interface RawRecord {
  value: unknown;
  line: number;
  /** Set when the record sits in a `deployments` or `incidents` array. */
  impliedType?: 'deployment' | 'incident';
}

export function readEventsFile(path: string, naive: NaiveTimestampPolicy = 'reject'): EventsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DoraInputError(`--events=${path}: cannot read the file (${(error as Error).message}).`);
  }
  return parseEvents(text, path, naive);
}

export function parseEvents(text: string, file: string, naive: NaiveTimestampPolicy = 'reject'): EventsFile {
  const result: EventsFile = { deployments: [], incidents: [], notDeployed: {}, problems: [] };
  const records = isJsonDocument(text) ? jsonRecords(text, file) : ndjsonRecords(text, file, result.problems);
  for (const record of records) readRecord(record, file, naive, result);
  return result;
}

/** A JSON array, or one object holding `deployments`/`incidents`; anything else is NDJSON. */
function isJsonDocument(text: string): boolean {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return true;
  if (!trimmed.startsWith('{')) return false;
  try {
    const value = JSON.parse(trimmed) as Record<string, unknown>;
    return Array.isArray(value.deployments) || Array.isArray(value.incidents);
  } catch {
    return false;
  }
}

function ndjsonRecords(text: string, file: string, problems: Problem[]): RawRecord[] {
  const records: RawRecord[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    try {
      records.push({ value: JSON.parse(line), line: index + 1 });
    } catch (error) {
      problems.push({ file, line: index + 1, message: `not valid JSON (${(error as Error).message}); line skipped` });
    }
  });
  return records;
}

/** A JSON array or object, read with `yaml` (a JSON superset) so each record keeps its line number. */
function jsonRecords(text: string, file: string): RawRecord[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new DoraInputError(`${file}:${e.linePos?.[0].line ?? 1}: not valid JSON (${e.message.split('\n')[0]}). Fix the file; nothing was counted.`);
  }
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const items = (seq: unknown, impliedType?: RawRecord['impliedType']): RawRecord[] =>
    isSeq(seq) ? seq.items.map((item) => ({ value: (item as YamlNode).toJSON(), line: lineOf(item as YamlNode), impliedType })) : [];
  if (isSeq(doc.contents)) return items(doc.contents);
  if (isMap(doc.contents)) {
    const deployments = doc.contents.get('deployments', true);
    const incidents = doc.contents.get('incidents', true);
    if (deployments || incidents) return [...items(deployments, 'deployment'), ...items(incidents, 'incident')];
  }
  throw new DoraInputError(`${file}: expected NDJSON, a JSON array of events, or an object with "deployments" and "incidents" arrays.`);
}

function readRecord(record: RawRecord, file: string, naive: NaiveTimestampPolicy, out: EventsFile): void {
  const problem = (message: string) => out.problems.push({ file, line: record.line, message: `${message}; record skipped` });
  const value = record.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return void problem('expected a JSON object');
  const obj = value as Record<string, unknown>;
  const type = record.impliedType ?? obj.type;
  if (type !== 'deployment' && type !== 'incident') {
    return void problem(`field "type": ${obj.type === undefined ? 'missing' : JSON.stringify(obj.type)}; expected "deployment" or "incident"`);
  }
  if (typeof obj.id !== 'string' && typeof obj.id !== 'number') return void problem('field "id": missing; every event needs an id');
  const labels = readLabels(obj);
  if (typeof labels === 'string') return void problem(labels);

  const started = readTime(obj, 'started', naive);
  const finished = readTime(obj, 'finished', naive);
  for (const t of [started, finished]) if (t && 'error' in t) return void problem(t.error);
  const startedAt = started && 'time' in started ? started.time : null;
  const finishedAt = finished && 'time' in finished ? finished.time : null;
  const commit = readString(obj, 'commit');
  const id = String(obj.id);

  if (type === 'deployment') {
    const status = typeof obj.status === 'string' ? obj.status.toLowerCase() : 'success';
    if (NOT_DEPLOYED.has(status)) {
      out.notDeployed[status] = (out.notDeployed[status] ?? 0) + 1;
      return;
    }
    if (!DEPLOYED.has(status) && !ROLLED_BACK.has(status)) {
      return void problem(`field "status": ${JSON.stringify(obj.status)}; expected success, failure or rolled_back`);
    }
    const time = finishedAt ?? startedAt;
    if (time === null) return void problem('field "finishedAt": missing (and no "startedAt"); a deployment needs the time it reached production');
    out.deployments.push({ id, sha: commit, time, labels, source: 'event', rolledBack: ROLLED_BACK.has(status), aliases: [] });
  } else {
    if (startedAt === null) return void problem('field "startedAt": missing; an incident needs the time it was created');
    if (finishedAt !== null && finishedAt < startedAt) return void problem('field "finishedAt": before "startedAt"');
    out.incidents.push({ id, labels, createdAt: startedAt, resolvedAt: finishedAt, commit, deploymentId: readString(obj, 'deployment') });
  }
}

function readLabels(obj: Record<string, unknown>): GroupLabels | string {
  const labels: GroupLabels = { team: '', service: '', environment: '' };
  for (const key of ['team', 'service', 'environment'] as const) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return `field "${key}": ${JSON.stringify(v)} is not a string`;
    labels[key] = v.trim();
  }
  return labels;
}

function readTime(obj: Record<string, unknown>, field: 'started' | 'finished', naive: NaiveTimestampPolicy): { time: number } | { error: string } | null {
  const name = FIELDS[field].find((n) => obj[n] !== undefined && obj[n] !== null && obj[n] !== '');
  if (!name) return null;
  const parsed = parseTimestamp(obj[name], naive);
  return parsed.ok ? { time: parsed.time } : { error: `field "${name}": ${parsed.reason}` };
}

function readString(obj: Record<string, unknown>, field: 'commit' | 'deployment'): string | null {
  const name = FIELDS[field].find((n) => typeof obj[n] === 'string' || typeof obj[n] === 'number');
  return name ? String(obj[name]).trim() || null : null;
}
