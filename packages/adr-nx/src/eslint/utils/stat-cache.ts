import { statSync } from 'node:fs';

/**
 * `mtime:size` of a file, or `missing`. The rules key every cache on it, so a long-lived editor
 * process picks up an edited ADR or a recomputed project graph, and a CLI run reads each once.
 */
export function statStamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

/** One value per key, recomputed only when the stamp of what it was built from changes. */
export class StampedCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();
  /** How many times `load` ran: the benchmark and tests use it to prove there is no per-file reload. */
  loads = 0;

  get(key: string, stamp: string, load: () => T): T {
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) return hit.value;
    this.loads++;
    const value = load();
    this.entries.set(key, { stamp, value });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
