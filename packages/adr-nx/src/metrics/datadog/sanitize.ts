/**
 * Datadog's naming rules, applied before anything is sent so that what the intake stores is
 * what the report and the dry-run file show (https://docs.datadoghq.com/getting_started/tagging/
 * and /metrics/custom_metrics/#naming-custom-metrics):
 * - metric names: start with a letter; ASCII letters, digits, `_` and `.`; others become `_`;
 *   at most 200 characters;
 * - tags: lowercase; start with a letter; letters (Unicode), digits, `_ - : . /`; others
 *   become `_`; runs of `_` collapse and trailing `_` go (as the Datadog Agent does);
 *   at most 200 characters; never end with `:`.
 */

export const MAX_NAME_LENGTH = 200;

export function sanitizeMetricName(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9_.]/g, '_')
      .replace(/_{2,}/g, '_')
      .replace(/^[^A-Za-z]+/, '')
      .slice(0, MAX_NAME_LENGTH)
      .replace(/[_.]+$/, '')
  );
}

/** The tag Datadog would store, or null when nothing valid is left (the tag is then dropped). */
export function sanitizeTag(tag: string): string | null {
  const clean = tag
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\-:./]/gu, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[^\p{L}]+/u, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[_:]+$/, '');
  return clean.length > 0 ? clean : null;
}

/** `key:value` with both parts cleaned; an empty value drops the tag (e.g. no configuration). */
export function tag(key: string, value: string | number | undefined | null): string | null {
  if (value === undefined || value === null || String(value).trim() === '') return null;
  return sanitizeTag(`${key}:${value}`);
}

/**
 * Sanitises many tags fast: CI payloads repeat the same few tag strings thousands of times, so
 * each distinct input is cleaned once. Duplicates after cleaning are removed, order kept.
 */
export function createTagSanitizer(): (tags: readonly string[] | undefined) => string[] {
  const cache = new Map<string, string | null>();
  return (tags) => {
    if (!tags || tags.length === 0) return [];
    const out: string[] = [];
    for (const raw of tags) {
      let clean = cache.get(raw);
      if (clean === undefined) {
        clean = sanitizeTag(raw);
        cache.set(raw, clean);
      }
      if (clean !== null && !out.includes(clean)) out.push(clean);
    }
    return out;
  };
}
