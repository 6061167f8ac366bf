import { isRealDate } from '../parse';

/** `# 2. Hosting Platforms` -> `Hosting Platforms`; `ADR-0007: Use pino` -> `Use pino`. The number lives in the file name. */
export function stripNumberPrefix(title: string): string {
  const stripped = title.replace(/^(?:ADR[-\s#]*)?\d{1,4}(?:[.:)]\s+|\s+[-–—:]\s+)/i, '').trim();
  return stripped || title.trim();
}

/** The value of a metadata line with markdown links reduced to their text and HTML comments dropped. */
export function plainValue(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

/** "Alice, Bob; Carol" -> ['Alice', 'Bob', 'Carol']. */
export function splitPeople(text: string): string[] {
  return plainValue(text)
    .split(/\s*[,;]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** log4brains writes tags space and/or comma separated: "frontend, ui build" -> three tags. */
export function splitTags(text: string): string[] {
  return plainValue(text)
    .split(/[\s,;]+/)
    .map((s) => s.replace(/^#/, '').trim())
    .filter(Boolean);
}

/** A list from front-matter, which may be a YAML list or one comma-separated string. */
export function listFrom(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (typeof value === 'string') return splitPeople(value);
  return [];
}

/**
 * YYYY-MM-DD from the date forms ADRs use (2016-02-12, 2016-2-12, 2016/02/12, an ISO timestamp,
 * 20200924); null when the text is no real date in one of them.
 */
export function normalizeDate(text: string): string | null {
  const t = plainValue(text);
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealDate(date) ? date : null;
}

/** Line indexes (0-based) of headings outside fenced code blocks, with depth and text. */
export function headingLines(lines: string[]): Array<{ index: number; depth: number; text: string }> {
  const out: Array<{ index: number; depth: number; text: string }> = [];
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (h) out.push({ index, depth: h[1].length, text: h[2].trim() });
  });
  return out;
}

export const isBlank = (line: string) => /^\s*$/.test(line);

/**
 * The lines without those in `drop`; blank lines that would pile up where a dropped line was are
 * dropped too. Everything else (code blocks, trailing spaces) stays exactly as it was.
 */
export function dropLines(lines: string[], drop: Set<number>): string[] {
  const out: string[] = [];
  let afterDrop = false;
  lines.forEach((line, i) => {
    if (drop.has(i)) {
      afterDrop = true;
      return;
    }
    if (afterDrop && isBlank(line)) {
      if (out.length === 0 || isBlank(out[out.length - 1])) return;
    } else afterDrop = false;
    out.push(line);
  });
  return out;
}
