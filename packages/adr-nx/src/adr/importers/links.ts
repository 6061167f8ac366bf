import { relativeLinkSpans, type LinkSpan } from '../markdown';

export interface LinkRewrite {
  url: string;
  /** Old and new ADR number: a number in the link's label that equals `from` becomes `to`. */
  renumber?: { from: number; to: number };
}

/** `0003-x.md#anchor?raw=true` -> path and the suffix (query and anchor) kept as written. */
export function splitUrl(url: string): { path: string; suffix: string } {
  const i = url.search(/[?#]/);
  return i < 0 ? { path: url, suffix: '' } : { path: url.slice(0, i), suffix: url.slice(i) };
}

function renumberLabel(label: string, from: number, to: number): string {
  return label.replace(/(?<![\d])0*(\d{1,4})(?![\d])/g, (match, digits: string) =>
    Number(digits) === from ? String(to).padStart(match.length, '0') : match,
  );
}

/**
 * Rewrites relative link targets in a markdown text in place: `decide` returns the new URL
 * (or null to leave the link as it is). Code blocks are not links and are never touched.
 * Returns the new text and the links whose URL could not be found in their source text.
 */
export function rewriteRelativeLinks(body: string, decide: (span: LinkSpan) => LinkRewrite | null): { text: string; failed: LinkSpan[] } {
  const spans = relativeLinkSpans(body);
  const failed: LinkSpan[] = [];
  let text = body;
  for (const span of [...spans].reverse()) {
    const change = decide(span);
    if (!change || change.url === span.url && !change.renumber) continue;
    const source = text.slice(span.start, span.end);
    const at = source.lastIndexOf(span.url);
    if (at < 0) {
      failed.push(span);
      continue;
    }
    let label = source.slice(0, at);
    if (change.renumber && span.kind === 'link') label = renumberLabel(label, change.renumber.from, change.renumber.to);
    const replaced = `${label}${change.url}${source.slice(at + span.url.length)}`;
    text = text.slice(0, span.start) + replaced + text.slice(span.end);
  }
  return { text, failed: failed.reverse() };
}
