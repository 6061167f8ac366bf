import { Document, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';
import type { AdrFrontMatter } from './types';

/** Canonical key order: MADR 4's keys first, then ours, then anything else as it came. */
const KEY_ORDER = ['status', 'date', 'decision-makers', 'consulted', 'informed', 'tags', 'supersedes', 'superseded-by', 'discussion', 'enforcement'];

function ordered(fm: AdrFrontMatter): AdrFrontMatter {
  const out: AdrFrontMatter = {};
  for (const key of KEY_ORDER) if (fm[key] !== undefined) out[key] = fm[key];
  for (const [key, value] of Object.entries(fm)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

// Strings other YAML readers (js-yaml 3 inside Backstage) could read differently get quotes.
const NEEDS_QUOTES = /[:#[\]{},&*!|>'"%@`]|^\s|\s$|^(?:true|false|yes|no|on|off|null|~|-?\d[\d.e+-]*)$/i;

function styleDocument(doc: Document): void {
  visit(doc, {
    Seq(_, node) {
      // Short lists of scalars read best inline: tags: [observability, logging]
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
    Scalar(key, node) {
      if (key === 'key') return;
      if (typeof node.value === 'string' && NEEDS_QUOTES.test(node.value) && !/^\d{4}-\d{2}-\d{2}$/.test(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
}

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

export function renderFrontMatter(fm: AdrFrontMatter): string {
  const doc = new Document(ordered(fm));
  styleDocument(doc);
  return doc.toString(STRINGIFY);
}

/** A whole ADR file: front-matter on the first byte, then the body. */
export function renderAdrFile(fm: AdrFrontMatter, body: string): string {
  const trimmedBody = body.replace(/^\n+/, '');
  return `---\n${renderFrontMatter(fm)}---\n${trimmedBody.endsWith('\n') ? trimmedBody : `${trimmedBody}\n`}`;
}

/**
 * Sets (or, with `undefined`, removes) front-matter keys of an existing ADR file, keeping its
 * comments, key order and body exactly as they were.
 */
export function updateFrontMatterInText(text: string, updates: Record<string, unknown>): string {
  const m = /^(---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!m) {
    const fm: AdrFrontMatter = {};
    for (const [k, v] of Object.entries(updates)) if (v !== undefined) fm[k] = v;
    return `---\n${renderFrontMatter(fm)}---\n${text}`;
  }
  const doc = parseDocument(m[2] ?? '');
  for (const [key, value] of Object.entries(updates)) {
    if (value === undefined) doc.delete(key);
    else if (isScalar(doc.get(key, true)) && (value === null || typeof value !== 'object')) {
      // Change the value in place so a trailing comment on the line survives.
      (doc.get(key, true) as Scalar).value = value;
    } else {
      const node = doc.createNode(value);
      if (isSeq(node) && node.items.every((i) => isScalar(i))) node.flow = true;
      doc.set(key, node);
    }
  }
  const yamlText = doc.toString(STRINGIFY);
  return `${m[1]}${yamlText}${m[3]}${text.slice(m[0].length)}`;
}
