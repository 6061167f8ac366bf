import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitRepo } from './__fixtures__/git-repo';
import { computeDora } from './compute';
import { escapeLabelValue, pushToGateway, toPrometheusText } from './prometheus';
import { resolveWindow } from './time';
import { FAILURE_SIGNALS } from './types';

/**
 * One deployment of service `we"b\` (labels that need escaping) on c2, finished 2024-03-03 00:00Z:
 *   c1 2024-03-01 00:00 -> lead 172800 s (2 d), c2 2024-03-02 00:00 -> 86400 s (1 d)
 *   INC-1 names it: 03-03 01:00 -> 01:30 = 1800 s. Window 2024-03-01 .. 2024-03-10 (9 days).
 */
describe('toPrometheusText', () => {
  const repo = new GitRepo();
  let report: ReturnType<typeof computeDora>;
  afterAll(() => repo.remove());

  beforeAll(() => {
    repo.commit('c1', '2024-03-01T00:00:00Z');
    const c2 = repo.commit('c2', '2024-03-02T00:00:00Z');
    const events = repo.write(
      'events.ndjson',
      [
        JSON.stringify({ type: 'deployment', id: 'd1', team: 'core', service: 'we"b\\', finishedAt: '2024-03-03T00:00:00Z', commit: c2 }),
        JSON.stringify({ type: 'incident', id: 'INC-1', deployment: 'd1', startedAt: '2024-03-03T01:00:00Z', finishedAt: '2024-03-03T01:30:00Z' }),
      ].join('\n'),
    );
    report = computeDora({
      root: repo.root,
      window: resolveWindow({ since: '2024-03-01', until: '2024-03-09' }, 0),
      deploymentSource: 'auto',
      tagPattern: 'v*',
      branch: 'HEAD',
      events,
      labels: { team: '', service: '', environment: '' },
      environments: ['production'],
      failureSignals: FAILURE_SIGNALS,
      includeMergeCommits: false,
      naiveTimestamps: 'reject',
    });
  });

  it('writes the exposition format with labels, histograms and the configured prefix', () => {
    const text = toPrometheusText(report, 'acme_dora');
    const l = 'team="core",service="we\\"b\\\\",environment="production"';
    expect(text).toContain('# HELP acme_dora_window_seconds Length of the window the other series describe.\n# TYPE acme_dora_window_seconds gauge\nacme_dora_window_seconds 777600\n');
    expect(text).toContain(`# TYPE acme_dora_deployment_total counter\nacme_dora_deployment_total{${l}} 1\n`);
    expect(text).toContain(`acme_dora_deployment_failed_total{${l}} 1\n`);
    expect(text).toContain(`acme_dora_change_failure_ratio{${l}} 1\n`);
    // Lead times 86400 and 172800: bucket le=86400 holds 1 (le is inclusive), le=259200 (3 d) holds both.
    expect(text).toContain(`# TYPE acme_dora_lead_time_seconds histogram\n`);
    expect(text).toContain(`acme_dora_lead_time_seconds_bucket{${l},le="43200"} 0\nacme_dora_lead_time_seconds_bucket{${l},le="86400"} 1\nacme_dora_lead_time_seconds_bucket{${l},le="259200"} 2\n`);
    expect(text).toContain(`acme_dora_lead_time_seconds_bucket{${l},le="+Inf"} 2\nacme_dora_lead_time_seconds_sum{${l}} 259200\nacme_dora_lead_time_seconds_count{${l}} 2\n`);
    expect(text).toContain(`acme_dora_lead_time_median_seconds{${l}} 129600\n`);
    expect(text).toContain(`acme_dora_incident_resolution_seconds_bucket{${l},le="900"} 0\nacme_dora_incident_resolution_seconds_bucket{${l},le="3600"} 1\n`);
    expect(text).toContain(`acme_dora_incident_resolution_seconds_sum{${l}} 1800\n`);
    expect(text).toContain(`acme_dora_incident_open{${l}} 0\n`);
    // Tiers: lead 1.5 d -> high (3); 100 % failures -> low (1); 30 min restore -> elite (4).
    expect(text).toContain(`acme_dora_performance_tier{${l},key="lead_time"} 3\nacme_dora_performance_tier{${l},key="change_failure_rate"} 1\nacme_dora_performance_tier{${l},key="time_to_restore"} 4\n`);
    // Every sample line is `name{labels} value`; every family has HELP and TYPE before its samples.
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) acme_dora_\w+ .+|acme_dora_\w+(\{([a-z_]+="([^"\\]|\\.)*",?)+\})? (-?[\d.e+]+|\+Inf))$/);
  });

  it('refuses a prefix that is not a metric name', () => {
    expect(() => toPrometheusText(report, '9-dora')).toThrow(/not a valid Prometheus metric name prefix/);
  });

  it('escapes backslash, quote and newline in label values', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });
});

describe('pushToGateway (a real HTTP server on 127.0.0.1)', () => {
  let server: Server;
  let url: string;
  const received: { method?: string; url?: string; type?: string; body: string; authorization?: string }[] = [];
  let status = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, type: req.headers['content-type'], body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
        res.writeHead(status).end(status === 200 ? '' : 'text format parsing error in line 3');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('PUTs the text to /metrics/job/<job> with the 0.0.4 content type', async () => {
    const result = await pushToGateway(`${url}/`, 'dora weekly', 'dora_deployment_total 3\n');
    expect(result).toEqual({ ok: true, target: `${url}/metrics/job/dora%20weekly`, message: `pushed to ${url}/metrics/job/dora%20weekly (HTTP 200)` });
    expect(received.at(-1)).toEqual({ method: 'PUT', url: '/metrics/job/dora%20weekly', type: 'text/plain; version=0.0.4; charset=utf-8', body: 'dora_deployment_total 3\n' });
  });

  it('keeps a URL that already names the job group, and explains a rejection', async () => {
    status = 400;
    const result = await pushToGateway(`${url}/metrics/job/dora/instance/ci`, 'ignored', 'x 1\n');
    expect(received.at(-1)?.url).toBe('/metrics/job/dora/instance/ci');
    expect(result.ok).toBe(false);
    expect(result.message).toBe(`Pushgateway ${url}/metrics/job/dora/instance/ci answered HTTP 400: text format parsing error in line 3`);
    status = 200;
  });

  it('sends user:password from the URL as basic auth and never prints the password', async () => {
    const withCredentials = url.replace('http://', 'http://ci-bot:s3cr%40t@');
    const result = await pushToGateway(withCredentials, 'dora', 'x 1\n');
    expect(result.ok).toBe(true);
    expect(received.at(-1)?.authorization).toBe(`Basic ${Buffer.from('ci-bot:s3cr@t').toString('base64')}`);
    expect(JSON.stringify(result)).not.toMatch(/s3cr/);
    expect(result.target).toBe(`${url}/metrics/job/dora`);
  });

  it('explains an unreachable gateway', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const result = await pushToGateway(`http://127.0.0.1:${port}`, 'dora', 'x 1\n');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(new RegExp(`could not reach the Pushgateway at http://127.0.0.1:${port}/metrics/job/dora: ECONNREFUSED`));
  });
});
