import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { v2 } from '@datadog/datadog-api-client';
import { preparePayloads } from './payload';
import { MetricType, type MetricSeries } from './types';

const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const ts = now / 1000 - 30;

describe('preparePayloads', () => {
  it('writes the body exactly as the client serialises a MetricPayload', () => {
    const input: MetricSeries[] = [
      { metric: 'fx.nx.task.count', type: MetricType.count, interval: 60, unit: 'task', points: [{ timestamp: ts + 0.7, value: 3 }], tags: ['target:build'], resources: [{ name: 'runner-1', type: 'host' }] },
      { metric: 'fx.nx.run.duration', type: MetricType.gauge, points: [{ timestamp: ts, value: 12.5 }] },
    ];
    const [payload] = preparePayloads(input, { nowMs: now }).payloads;
    const client = v2.ObjectSerializer.stringify(v2.ObjectSerializer.serialize({ series: payload.series }, 'MetricPayload', ''), 'application/json');
    expect(payload.body).toBe(client);
    expect(JSON.parse(payload.body).series[0].points[0].timestamp).toBe(ts);
    expect(payload.gzipBytes).toBeGreaterThanOrEqual(gzipSync(payload.body).length);
  });

  it('halves payloads whose gzip size is over the compressed limit', () => {
    // Random tags barely compress, so the raw limit alone would let the gzip limit be broken.
    const input: MetricSeries[] = Array.from({ length: 200 }, (_, i) => ({ metric: 'm', type: MetricType.gauge, points: [{ timestamp: ts, value: i }], tags: [`r:${randomBytes(60).toString('hex')}`] }));
    const { payloads } = preparePayloads(input, { nowMs: now, limits: { compressedBytes: 10_000 } });
    expect(payloads.length).toBeGreaterThan(1); // ~15 KB of gzip in all, far under the 4.7 MB raw budget
    for (const p of payloads) expect(p.gzipBytes).toBeLessThanOrEqual(9_000);
    expect(payloads.flatMap((p) => JSON.parse(gunzipSync(gzipSync(p.body)).toString()).series)).toHaveLength(200);
  });

  it('cuts a single series with too many points into several with the same name and tags', () => {
    const points = Array.from({ length: 2000 }, (_, i) => ({ timestamp: ts - i, value: i }));
    const { payloads, payloadsPerGroup } = preparePayloads([{ metric: 'big', type: MetricType.gauge, points, tags: ['a:b'] }], { nowMs: now, limits: { decompressedBytes: 20_000 }, groupOf: () => 'only' });
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.every((p) => p.rawBytes <= 18_000)).toBe(true);
    expect(payloads.flatMap((p) => p.series.flatMap((s) => s.points))).toHaveLength(2000);
    expect(payloads.every((p) => p.series.every((s) => s.metric === 'big' && s.tags?.[0] === 'a:b'))).toBe(true);
    expect(payloadsPerGroup.get('only')).toBe(payloads.length);
  });

  it('drops non-finite values and empty series, and says so', () => {
    const { payloads, dropped } = preparePayloads(
      [
        { metric: 'nan', type: MetricType.gauge, points: [{ timestamp: ts, value: Number.NaN }] },
        { metric: 'none', type: MetricType.gauge, points: [] },
      ],
      { nowMs: now },
    );
    expect(payloads).toEqual([]);
    expect(dropped.map((d) => [d.metric, d.reason])).toEqual([
      ['nan', 'not a finite number'],
      ['none', 'no points'],
    ]);
  });
});
