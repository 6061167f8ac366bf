import { headingLines, stripNumberPrefix } from './fields';
import type { Located } from './types';

/** Metadata keys ADR formats write as `Key: value` lines (Nygard) or list items (MADR 2/3, log4brains). */
const KNOWN_KEYS: Record<string, HeaderKey> = {
  status: 'status',
  date: 'date',
  deciders: 'decision-makers',
  'decision-makers': 'decision-makers',
  'decision makers': 'decision-makers',
  'decision-maker(s)': 'decision-makers',
  consulted: 'consulted',
  informed: 'informed',
  tags: 'tags',
};
export type HeaderKey = 'status' | 'date' | 'decision-makers' | 'consulted' | 'informed' | 'tags';

// `Date: 2016-02-12`, `* Status: accepted`, `- **Deciders:** Alice`, `**Status**: Accepted`.
const FIELD_LINE = /^\s{0,3}(?:([*-])\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ()-]*?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/;

export interface HeaderField extends Located<string> {
  key: HeaderKey;
  /** 0-based index of the line in the file. */
  index: number;
  /** Whether it was written as a list item (MADR) rather than a plain line (Nygard). */
  listItem: boolean;
}

export interface Header {
  /** 0-based line index of the H1, or -1. */
  h1Index: number;
  /** The H1 text with any number prefix removed. */
  title: string | null;
  /** 0-based index of the first heading after the H1 (or of the end of the file). */
  end: number;
  fields: HeaderField[];
}

/**
 * The part of a file between its H1 and the next heading, where Nygard and MADR 2/3 keep their
 * metadata lines. Only the keys in KNOWN_KEYS are taken; other `Key: value` lines (e.g.
 * "Technical Story:") are prose and stay in the body.
 */
export function readHeader(lines: string[]): Header {
  const headings = headingLines(lines);
  const h1 = headings.find((h) => h.depth === 1);
  const h1Index = h1?.index ?? -1;
  const next = headings.find((h) => h.index > h1Index);
  const end = next?.index ?? lines.length;
  const fields: HeaderField[] = [];
  for (let i = h1Index + 1; i < end; i++) {
    const m = FIELD_LINE.exec(lines[i]);
    if (!m) continue;
    const key = KNOWN_KEYS[m[2].trim().toLowerCase()];
    if (!key) continue;
    fields.push({ key, value: m[3].replace(/<!--[\s\S]*?-->/g, '').trim(), line: i + 1, index: i, listItem: m[1] !== undefined });
  }
  return { h1Index, title: h1 ? stripNumberPrefix(h1.text) : null, end, fields };
}

/** `Supersedes [1. Old](0001-old.md)` lines (adr-tools writes "Supercedes") anywhere in the body. */
export function supersedesLines(lines: string[]): Array<Located<string>> {
  const out: Array<Located<string>> = [];
  lines.forEach((line, i) => {
    const m = /^\s*(?:[*-]\s+)?(?:\*\*|__)?(?:supersedes|supercedes|replaces)(?:\*\*|__)?:?\s+(.*)$/i.exec(line);
    if (!m) return;
    const links = [...m[1].matchAll(/\]\(\s*<?([^)\s>]+)>?/g)].map((l) => l[1]);
    const targets = links.length ? links : [...m[1].matchAll(/\b(?:ADR[-\s#]*)?#?(\d{1,4})\b/gi)].map((n) => n[1]);
    for (const value of targets) out.push({ value, line: i + 1 });
  });
  return out;
}
