import { hasClosedFrontMatter } from '../parse';
import { normalizeAdrText } from '../render';
import { headingLines } from './fields';
import { readHeader } from './header-fields';
import { DATE_NAMED_FILE } from './log4brains';
import type { ImportFormat } from './types';

/**
 * Which format a file is in, from its text and name:
 * - YAML front-matter on the first line: MADR 4 (or any front-matter ADR);
 * - a date-named file (`20200924-x.md`): log4brains;
 * - `* Status:` / `- Date:` list items under the title: MADR 2/3;
 * - a `## Status` section, a `Date:` line or a numbered title (`# 1. Title`): Nygard / adr-tools;
 * - anything else: unknown (kept verbatim, imported as proposed, reported).
 */
export function detectFormat(text: string, fileName: string): ImportFormat {
  const clean = normalizeAdrText(text);
  if (hasClosedFrontMatter(clean)) return 'madr4';
  if (DATE_NAMED_FILE.test(fileName)) return 'log4brains';
  const lines = clean.split('\n');
  const header = readHeader(lines);
  if (header.fields.some((f) => f.listItem)) return 'madr-list';
  if (header.fields.length > 0) return 'nygard';
  if (headingLines(lines).some((h) => h.depth >= 2 && /^status$/i.test(h.text))) return 'nygard';
  if (header.h1Index >= 0 && /^\s{0,3}#\s+\d{1,4}\.\s/.test(lines[header.h1Index])) return 'nygard';
  return 'unknown';
}
