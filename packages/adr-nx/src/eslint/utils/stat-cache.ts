import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/*
 * Freshness checks are throttled: a stamp (a file's mtime:size, the ADR folder's signature) is
 * computed at most once per recheck interval and reused in between. The CLI lints thousands of
 * files a second and would otherwise stat every ADR for every file; an editor sees an edited ADR
 * on the first lint after the interval (default 1 s; FX_ADR_NX_RECHECK_MS sets it, 0 = always).
 * eslint-plugin-import's `import/cache.lifetime` makes the same trade.
 */
let recheckMs = Number(process.env.FX_ADR_NX_RECHECK_MS ?? 1000);
const recent = new Map<string, { value: string; at: number }>();
// Read once per linted file (startFile) rather than once per stamp.
let clock: number | undefined;

/** Takes the clock reading every stamp of the file being linted is judged by. */
export function startFile(): void {
  clock = performance.now();
}

export function setRecheckInterval(ms: number): void {
  recheckMs = ms;
  recent.clear();
  clock = undefined;
}

/** `compute()` for this key, reused while younger than the recheck interval. */
export function throttled(key: string, compute: () => string): string {
  const now = clock ?? performance.now();
  const hit = recent.get(key);
  if (hit && now - hit.at < recheckMs) return hit.value;
  const value = compute();
  recent.set(key, { value, at: now });
  return value;
}

/** `mtime:size` of a file, or `missing`: what every cache of the rules is keyed on. */
export function statStamp(path: string): string {
  return throttled(`stat\0${path}`, () => {
    try {
      const s = statSync(path);
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return 'missing';
    }
  });
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

/** Forget every stamp (tests; a fresh process). */
export function clearStamps(): void {
  recent.clear();
  clock = undefined;
}
