import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearStamps, setRecheckInterval, StampedCache, statStamp, throttled } from './stat-cache';

describe('stamps and stamped caches', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'adr-stamp-'));
    clearStamps();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    setRecheckInterval(1000);
  });

  it('a stamp is mtime and size, or "missing"', () => {
    setRecheckInterval(0);
    const file = join(dir, 'a.md');
    expect(statStamp(file)).toBe('missing');
    writeFileSync(file, 'abc');
    expect(statStamp(file)).toMatch(/^\d+(\.\d+)?:3$/);
  });

  it('reuses a stamp within the recheck interval and recomputes it after', async () => {
    setRecheckInterval(50);
    let computed = 0;
    const stamp = () => throttled('k', () => String(++computed));
    expect([stamp(), stamp(), stamp()]).toEqual(['1', '1', '1']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(stamp()).toBe('2');
  });

  it('loads once per stamp, counting loads', () => {
    const cache = new StampedCache<object>();
    const first = cache.get('k', 's1', () => ({}));
    expect(cache.get('k', 's1', () => ({}))).toBe(first);
    expect(cache.get('k', 's2', () => ({}))).not.toBe(first);
    expect(cache.loads).toBe(2);
  });
});
