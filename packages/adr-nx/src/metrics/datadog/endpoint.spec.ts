import { normalizeSite, resolveApiKey, resolveEndpoint } from './endpoint';
import { retryDelayMs, DEFAULT_RETRY } from './send';

describe('endpoint and key resolution', () => {
  it('uses DD_SITE, accepts app URLs as sites, and lets --apiUrl / DD_API_URL win', () => {
    expect(resolveEndpoint({}, {}).seriesUrl).toBe('https://api.datadoghq.com/api/v2/series');
    expect(resolveEndpoint({}, { DD_SITE: 'datadoghq.eu' }).seriesUrl).toBe('https://api.datadoghq.eu/api/v2/series');
    expect(resolveEndpoint({ site: 'us5.datadoghq.com' }, { DD_SITE: 'datadoghq.eu' }).baseUrl).toBe('https://api.us5.datadoghq.com');
    expect(normalizeSite('https://app.datadoghq.eu/dashboard')).toBe('datadoghq.eu');
    expect(resolveEndpoint({}, { DD_API_URL: 'http://127.0.0.1:9000/', DD_SITE: 'datadoghq.eu' }).seriesUrl).toBe('http://127.0.0.1:9000/api/v2/series');
    expect(resolveEndpoint({ apiUrl: 'https://proxy.internal/dd' }, {}).seriesUrl).toBe('https://proxy.internal/dd/api/v2/series');
    expect(resolveEndpoint({ site: 'datadoghq.example' }, {}).warning).toContain('not one of');
  });

  it('explains a bad URL or site', () => {
    expect(() => resolveEndpoint({ apiUrl: 'not a url' }, {})).toThrow('is not a URL');
    expect(() => resolveEndpoint({ apiUrl: 'ftp://x' }, {})).toThrow('must be http(s)');
    expect(() => resolveEndpoint({ site: 'bad site!' }, {})).toThrow('is not a host name');
  });

  it('reads the key from DD_API_KEY or the variable named by apiKeyEnv', () => {
    expect(resolveApiKey({}, { DD_API_KEY: ' k1 ' })).toEqual({ key: 'k1', source: 'DD_API_KEY' });
    expect(resolveApiKey({ apiKeyEnv: 'CI_DD_KEY' }, { DD_API_KEY: 'k1', CI_DD_KEY: 'k2' })).toEqual({ key: 'k2', source: 'CI_DD_KEY' });
    expect(resolveApiKey({ apiKeyEnv: 'CI_DD_KEY' }, { DD_API_KEY: 'k1' })).toEqual({ key: undefined, source: 'CI_DD_KEY' });
  });
});

describe('retryDelayMs', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 8000 };
  it('honours x-ratelimit-reset up to the longest wait', () => {
    expect(retryDelayMs({ kind: 'http', status: 429, body: '', rateLimitResetSeconds: 3 }, 1, policy)).toBe(3000);
    expect(retryDelayMs({ kind: 'http', status: 429, body: '', rateLimitResetSeconds: 60 }, 1, policy)).toBeNull();
  });
  it('backs off exponentially with jitter, capped', () => {
    const outcome = { kind: 'network', message: 'ECONNRESET' } as const;
    expect(retryDelayMs(outcome, 1, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(outcome, 3, policy, () => 1)).toBe(4000);
    expect(retryDelayMs(outcome, 3, policy, () => 0)).toBe(2000);
    expect(retryDelayMs(outcome, 9, policy, () => 1)).toBe(8000);
  });
});
