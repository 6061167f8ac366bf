import type { transliterate as Transliterate } from 'transliteration';
import { formatAdrId } from './types';

/** Same test as Backstage's `madrFilePathFilter`: what its ADR plugin will list. */
export const BACKSTAGE_ADR_FILE = /^(?:.*\/)?\d{4}-.+\.md$/;
/** The canonical name: four digits, a dash, a lowercase ascii slug. */
export const CANONICAL_ADR_FILE = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const LEADING_NUMBER = /^(\d{1,4})-/;

// transliteration builds a large table when loaded (~0.2 s): load it on the first slug, not in
// every process that only reads ADRs (each ESLint process of `nx lint` does).
let transliterate: typeof Transliterate | undefined;

/** Lowercase ascii slug; non-ascii is transliterated (`Größe` -> `grosse`). Empty when nothing is left. */
export function slugify(title: string): string {
  transliterate ??= (require('transliteration') as { transliterate: typeof Transliterate }).transliterate;
  return transliterate(title)
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

export function formatAdrNumber(n: number): string {
  return String(n).padStart(4, '0');
}

export function adrFileName(n: number, title: string): string {
  const slug = slugify(title);
  if (!slug) throw new Error(`The title "${title}" leaves no letters or digits for a file name.`);
  return `${formatAdrNumber(n)}-${slug}.md`;
}

/** The ADR number a file name carries (`0007-x.md` -> 7), or null. */
export function numberFromFileName(fileName: string): number | null {
  const m = LEADING_NUMBER.exec(fileName);
  return m ? Number(m[1]) : null;
}

export function idFor(n: number | null, fileName: string): string {
  return n === null ? fileName : formatAdrId(n);
}

/** Files in an ADR folder that are not decisions: the log, indexes, templates. */
export function isAdrCandidate(fileName: string): boolean {
  if (!fileName.toLowerCase().endsWith('.md')) return false;
  const lower = fileName.toLowerCase();
  if (lower === 'readme.md' || lower === 'index.md') return false;
  // A numbered file is a decision even when its title mentions a template (0007-use-a-template-engine.md).
  if (!/^\d+-/.test(lower) && /template/.test(lower)) return false;
  return true;
}
