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

/** Already clean and ASCII: most tags, recognised without the (costly to compile) Unicode classes. */
const CLEAN_ASCII_TAG = /^[a-z](?:[a-z0-9\-:./]|_(?!_))*$/;

/** The tag Datadog would store, or null when nothing valid is left (the tag is then dropped). */
export function sanitizeTag(tag: string): string | null {
  if (tag.length <= MAX_NAME_LENGTH && CLEAN_ASCII_TAG.test(tag) && !/[_:]$/.test(tag)) return tag;
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

/** Tag lists this module produced (by identity): the sender need not check them again. */
const knownClean = new WeakSet<readonly string[]>();

function cleanAndDedupe(tags: readonly string[], clean: (raw: string) => string | null): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const c = clean(raw);
    if (c !== null && !out.includes(c)) out.push(c);
  }
  return out;
}

/** Sanitised, de-duplicated tags; the result is remembered as clean, so building tags with it costs nothing twice. */
export function sanitizeTagList(tags: readonly string[]): readonly string[] {
  const out = cleanAndDedupe(tags, sanitizeTag);
  knownClean.add(out);
  return out;
}

/** `tag` (sanitised) in front of an already clean list, e.g. a task's `project:` before its kind's tags. */
export function prependTag(tag: string, cleanList: readonly string[]): readonly string[] {
  const first = sanitizeTag(tag);
  const out = first === null || cleanList.includes(first) ? [...cleanList] : [first, ...cleanList];
  knownClean.add(out);
  return out;
}

/**
 * Sanitises many tag lists fast: lists made by sanitizeTagList/prependTag are taken as they
 * are; otherwise each distinct tag string is cleaned once (CI payloads repeat the same few
 * thousand times). Duplicates after cleaning are removed, order kept; a list that is already
 * clean is returned as it is (no copy).
 */
export function createTagSanitizer(): (tags: readonly string[] | undefined) => readonly string[] {
  const cache = new Map<string, string | null>();
  const clean = (raw: string): string | null => {
    let c = cache.get(raw);
    if (c === undefined) cache.set(raw, (c = sanitizeTag(raw)));
    return c;
  };
  return (tags) => {
    if (!tags || tags.length === 0) return [];
    if (knownClean.has(tags)) return tags;
    if (tags.every((t, i) => clean(t) === t && tags.indexOf(t) === i)) return tags;
    return cleanAndDedupe(tags, clean);
  };
}
