import unified from 'unified';
import remarkParse from 'remark-parse';
import { scanOutline } from './markdown-scan';
import type { Heading } from './types';

// unified 9 / remark-parse 9 are the last CommonJS releases: the ADR model must stay synchronous
// because ESLint rules (which cannot await) load the policy through it. See ADR-0004.
const processor = unified().use(remarkParse);

interface MdNode {
  type: string;
  depth?: number;
  url?: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end?: { offset?: number } };
}

function textOf(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

export interface MarkdownOutline {
  headings: Heading[];
  /** Links and link definitions whose target is a relative path (no scheme, not a bare #anchor). */
  relativeLinks: Array<{ url: string; line: number; column: number }>;
  /** Whether any H1 contains more than plain text (links, emphasis, code). */
  h1HasMarkup: boolean;
}

const RELATIVE = /^(?![a-z][a-z0-9+.-]*:)(?!#)(?!\/\/)\S/i;

function visit(node: MdNode, fn: (node: MdNode) => void): void {
  fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}

/**
 * Headings and relative links of a markdown body. `lineOffset` is added to every line so
 * positions refer to the whole file, front-matter included. Plain ADRs are read by a line
 * scanner; anything it cannot be sure of goes to remark (see markdown-scan.ts).
 */
export function outlineMarkdown(body: string, lineOffset = 0): MarkdownOutline {
  return scanOutline(body, lineOffset) ?? outlineWithRemark(body, lineOffset);
}

/** The outline from remark's syntax tree: exact for any CommonMark. */
export function outlineWithRemark(body: string, lineOffset = 0): MarkdownOutline {
  const tree = processor.parse(body) as unknown as MdNode;
  const headings: Heading[] = [];
  const relativeLinks: MarkdownOutline['relativeLinks'] = [];
  let h1HasMarkup = false;
  visit(tree, (node) => {
    const pos = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'heading') {
      headings.push({ depth: node.depth ?? 1, text: textOf(node).trim(), line: pos.line + lineOffset, column: pos.column });
      if (node.depth === 1 && (node.children ?? []).some((c) => c.type !== 'text')) h1HasMarkup = true;
    }
    if ((node.type === 'link' || node.type === 'definition') && node.url && RELATIVE.test(node.url)) {
      relativeLinks.push({ url: node.url, line: pos.line + lineOffset, column: pos.column });
    }
  });
  return { headings, relativeLinks, h1HasMarkup };
}

/** A relative link, image or link definition, with its place in the markdown text (offsets into it). */
export interface LinkSpan {
  kind: 'link' | 'image' | 'definition';
  url: string;
  /** Offsets of the whole construct (`[label](url)`, `![alt](url)`, `[id]: url`) in the text. */
  start: number;
  end: number;
  line: number;
  column: number;
}

/**
 * Relative links, images and link definitions of a markdown text with their offsets, so a caller
 * can rewrite targets in place (code blocks and inline code are not links and are left alone).
 */
export function relativeLinkSpans(body: string): LinkSpan[] {
  const spans: LinkSpan[] = [];
  visit(processor.parse(body) as unknown as MdNode, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const start = node.position?.start.offset;
    const end = node.position?.end?.offset;
    if (!node.url || !RELATIVE.test(node.url) || start === undefined || end === undefined) return;
    spans.push({ kind: node.type, url: node.url, start, end, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
  return spans.sort((a, b) => a.start - b.start);
}
