import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseRunLine, type RecordedRun } from './run-record';

/**
 * The timings store under Nx's workspace data directory (git-ignored, per checkout):
 *
 *   runs.ndjson      the recorder appends one line per Nx run (rotated to runs.1.ndjson past 5 MB)
 *   outbox/*.ndjson  runs report-timings has taken over and not delivered yet
 *   sent-runs.txt    ids of delivered runs, so a run is never sent twice, even after a crash
 *   expired.ndjson   tasks the intake would no longer accept (older than 1 h), kept for inspection
 *   unreadable.ndjson lines that could not be read, with where they came from
 *   report.lock      one report-timings at a time
 *
 * The recorder only ever appends to runs.ndjson; report-timings takes it over with an atomic
 * rename, so the two never write the same file.
 */

export const RUNS_FILE = 'runs.ndjson';
export const ROTATED_RUNS_FILE = 'runs.1.ndjson';
export const MAX_RUNS_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_SIDE_FILE_BYTES = 2 * 1024 * 1024;
const SENT_JOURNAL = 'sent-runs.txt';
const SENT_JOURNAL_KEEP = 2000;
const LOCK_STALE_MS = 10 * 60 * 1000;

type Env = Record<string, string | undefined>;

/** Nx's workspace data directory (same rule as nx: NX_WORKSPACE_DATA_DIRECTORY, else .nx/workspace-data) + our folder. */
export function timingsDirectory(workspaceRoot: string, env: Env = process.env): string {
  const configured = env.NX_WORKSPACE_DATA_DIRECTORY || env.NX_PROJECT_GRAPH_CACHE_DIRECTORY;
  const base = configured ? (isAbsolute(configured) ? configured : join(workspaceRoot, configured)) : join(workspaceRoot, '.nx', 'workspace-data');
  return join(base, 'fx-adr-nx', 'timings');
}

/** The recorder's only write: one line, appended. Rotates first when the file has grown past its bound. */
export function appendRun(dir: string, run: RecordedRun): void {
  const file = join(dir, RUNS_FILE);
  let size = -1;
  try {
    size = statSync(file).size;
  } catch {
    mkdirSync(dir, { recursive: true });
  }
  // Nobody reported for thousands of runs (a dev machine): keep one older file, drop the rest.
  if (size > MAX_RUNS_FILE_BYTES) renameSync(file, join(dir, ROTATED_RUNS_FILE));
  appendFileSync(file, JSON.stringify(run) + '\n');
}

export interface StoredRun {
  run: RecordedRun;
  /** File the run was read from (for messages). */
  file: string;
}

export interface UnreadableLine {
  file: string;
  line: number;
  reason: string;
  text: string;
}

function readRunsFile(file: string, runs: StoredRun[], unreadable: UnreadableLine[]): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = parseRunLine(line);
    if ('run' in parsed) runs.push({ run: parsed.run, file });
    else unreadable.push({ file, line: i + 1, reason: parsed.error, text: line.slice(0, 10_000) });
  });
}

export class TimingsStore {
  readonly outbox: string;

  constructor(readonly dir: string) {
    this.outbox = join(dir, 'outbox');
  }

  /** Files with runs not yet delivered; `includeUnclaimed` adds the recorder's live files (dry run). */
  private pendingFiles(includeUnclaimed: boolean): string[] {
    const files = existsSync(this.outbox) ? readdirSync(this.outbox).filter((f) => f.endsWith('.ndjson')).sort().map((f) => join(this.outbox, f)) : [];
    if (includeUnclaimed) for (const f of [ROTATED_RUNS_FILE, RUNS_FILE]) if (existsSync(join(this.dir, f))) files.push(join(this.dir, f));
    return files;
  }

  /** Moves the recorder's files into the outbox (atomic renames); new runs then go to a fresh runs.ndjson. */
  claim(tag: string): string[] {
    mkdirSync(this.outbox, { recursive: true });
    const claimed: string[] = [];
    for (const f of [ROTATED_RUNS_FILE, RUNS_FILE]) {
      const to = join(this.outbox, `claimed-${tag}-${f}`);
      try {
        renameSync(join(this.dir, f), to);
        claimed.push(to);
      } catch {
        // nothing recorded there
      }
    }
    return claimed;
  }

  /** Every undelivered run, once each (by id), minus those the journal says were sent. */
  read(options: { includeUnclaimed: boolean }): { runs: StoredRun[]; unreadable: UnreadableLine[]; files: string[]; alreadySent: number } {
    const files = this.pendingFiles(options.includeUnclaimed);
    const all: StoredRun[] = [];
    const unreadable: UnreadableLine[] = [];
    for (const f of files) readRunsFile(f, all, unreadable);
    const sent = this.sentIds();
    const seen = new Set<string>();
    const runs: StoredRun[] = [];
    let alreadySent = 0;
    for (const r of all) {
      if (seen.has(r.run.id)) continue;
      seen.add(r.run.id);
      if (sent.has(r.run.id)) alreadySent++;
      else runs.push(r);
    }
    return { runs, unreadable, files, alreadySent };
  }

  sentIds(): Set<string> {
    try {
      return new Set(readFileSync(join(this.dir, SENT_JOURNAL), 'utf8').split('\n').filter(Boolean));
    } catch {
      return new Set();
    }
  }

  /** Journals delivered runs at once, before anything else can fail. */
  markSent(ids: string[]): void {
    if (ids.length) appendFileSync(join(this.dir, SENT_JOURNAL), ids.map((id) => id + '\n').join(''));
  }

  /**
   * After a report: the outbox becomes one pending.ndjson with the runs still to deliver
   * (written to a temp file, then renamed), the files read are removed, and the journal is
   * trimmed. Lines that appeared in a read file after it was read are kept, not lost.
   */
  settle(read: { files: string[]; runs: StoredRun[] }, keep: (run: RecordedRun) => boolean): void {
    const readIds = new Set(read.runs.map((r) => r.run.id));
    const late: StoredRun[] = [];
    for (const f of read.files) readRunsFile(f, late, []);
    const sent = this.sentIds();
    const pending = [...read.runs.filter((r) => keep(r.run)), ...late.filter((r) => !readIds.has(r.run.id) && !sent.has(r.run.id))];
    mkdirSync(this.outbox, { recursive: true });
    const target = join(this.outbox, 'pending.ndjson');
    const seen = new Set<string>();
    const lines = pending.filter((r) => !seen.has(r.run.id) && seen.add(r.run.id)).map((r) => JSON.stringify(r.run) + '\n');
    writeFileSync(`${target}.tmp`, lines.join(''));
    renameSync(`${target}.tmp`, target);
    for (const f of read.files) if (f !== target) rmSync(f, { force: true });
    if (lines.length === 0) rmSync(target, { force: true });
    this.trimJournal(sent);
  }

  private trimJournal(sent: Set<string>): void {
    if (sent.size <= SENT_JOURNAL_KEEP * 2) return;
    const keep = [...sent].slice(-SENT_JOURNAL_KEEP);
    const file = join(this.dir, SENT_JOURNAL);
    writeFileSync(`${file}.tmp`, keep.map((id) => id + '\n').join(''));
    renameSync(`${file}.tmp`, file);
  }

  /** Appends to a bounded side file (expired / unreadable); it restarts when it gets too big. */
  appendSideFile(name: 'expired.ndjson' | 'unreadable.ndjson', records: unknown[]): string | null {
    if (records.length === 0) return null;
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, name);
    try {
      if (statSync(file).size > MAX_SIDE_FILE_BYTES) rmSync(file);
    } catch {
      // new file
    }
    appendFileSync(file, records.map((r) => JSON.stringify(r) + '\n').join(''));
    return file;
  }

  /** One report-timings at a time; a lock older than 10 minutes is from a killed run and is taken over. */
  lock(): (() => void) | null {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, 'report.lock');
    for (let i = 0; i < 2; i++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, `${process.pid} ${new Date().toISOString()}\n`);
        closeSync(fd);
        return () => rmSync(file, { force: true });
      } catch {
        try {
          if (Date.now() - statSync(file).mtimeMs < LOCK_STALE_MS) return null;
          rmSync(file, { force: true });
        } catch {
          // the other run just finished: try again
        }
      }
    }
    return null;
  }
}
