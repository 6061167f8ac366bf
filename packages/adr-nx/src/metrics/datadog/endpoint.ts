/** Where the series go and with which key: options first, then the environment the client itself reads. */

export const DEFAULT_SITE = 'datadoghq.com';
export const SERIES_PATH = '/api/v2/series';
export const DEFAULT_API_KEY_ENV = 'DD_API_KEY';

/** Sites Datadog documents today; others are allowed (new regions) with a warning. */
export const KNOWN_SITES = ['datadoghq.com', 'us3.datadoghq.com', 'us5.datadoghq.com', 'datadoghq.eu', 'ap1.datadoghq.com', 'ap2.datadoghq.com', 'ddog-gov.com'];

export interface Endpoint {
  /** Base URL without a trailing slash, e.g. `https://api.datadoghq.eu` or `http://127.0.0.1:8126`. */
  baseUrl: string;
  /** `baseUrl` + `/api/v2/series`. */
  seriesUrl: string;
  /** The site, or undefined when an explicit URL is used. */
  site?: string;
  /** A note for the user when the site is not one Datadog documents. */
  warning?: string;
}

type Env = Record<string, string | undefined>;

/** Accepts `datadoghq.eu`, `app.datadoghq.eu` or `https://app.datadoghq.eu/` alike. */
export function normalizeSite(site: string): string {
  return site
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^(app|api)\./, '');
}

export function resolveEndpoint(options: { site?: string; apiUrl?: string }, env: Env): Endpoint {
  const apiUrl = options.apiUrl ?? env.DD_API_URL;
  if (apiUrl && apiUrl.trim()) {
    let url: URL;
    try {
      url = new URL(apiUrl.trim());
    } catch {
      throw new Error(`--apiUrl / DD_API_URL "${apiUrl}" is not a URL. Give one like http://127.0.0.1:8126 or https://dd-proxy.internal:3834.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--apiUrl / DD_API_URL must be http(s), got "${url.protocol}".`);
    const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    return { baseUrl, seriesUrl: baseUrl + SERIES_PATH };
  }
  const site = normalizeSite(options.site || env.DD_SITE || DEFAULT_SITE);
  if (!/^[a-z0-9.-]+$/.test(site)) throw new Error(`Datadog site "${options.site || env.DD_SITE}" is not a host name. Use e.g. datadoghq.eu or us5.datadoghq.com.`);
  const baseUrl = `https://api.${site}`;
  const warning = KNOWN_SITES.includes(site) ? undefined : `Datadog site "${site}" is not one of ${KNOWN_SITES.join(', ')}; sending to ${baseUrl} anyway.`;
  return { baseUrl, seriesUrl: baseUrl + SERIES_PATH, site, warning };
}

export interface ApiKey {
  key?: string;
  /** Where the key came from or was looked for, for messages (never the key itself). */
  source: string;
}

export function resolveApiKey(options: { apiKey?: string; apiKeyEnv?: string }, env: Env): ApiKey {
  if (options.apiKey) return { key: options.apiKey.trim(), source: 'the apiKey option' };
  const name = options.apiKeyEnv?.trim() || DEFAULT_API_KEY_ENV;
  const value = env[name]?.trim();
  return { key: value || undefined, source: name };
}
