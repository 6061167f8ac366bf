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
  position?: { start: { line: number; column: number } };
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
  const walk = (node: MdNode) => {
    const pos = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'heading') {
      headings.push({ depth: node.depth ?? 1, text: textOf(node).trim(), line: pos.line + lineOffset, column: pos.column });
      if (node.depth === 1 && (node.children ?? []).some((c) => c.type !== 'text')) h1HasMarkup = true;
    }
    if ((node.type === 'link' || node.type === 'definition') && node.url && RELATIVE.test(node.url)) {
      relativeLinks.push({ url: node.url, line: pos.line + lineOffset, column: pos.column });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return { headings, relativeLinks, h1HasMarkup };
}
