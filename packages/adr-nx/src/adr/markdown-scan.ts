import type { Heading } from './types';
import type { MarkdownOutline } from './markdown';

/*
 * A line scanner that gives the same outline as remark for the Markdown most ADRs are written
 * in (ATX headings, fenced code, inline links and link definitions on one line), at a small
 * fraction of remark's cost. Whenever a line holds anything it does not model exactly (HTML,
 * setext underlines, indented code, nested or multi-line links, escapes, code spans next to
 * links...) it returns null and the caller asks remark. markdown-scan.spec.ts checks it
 * against remark on the real ADRs of shared/corpus.
 */

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^( {0,3})(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const SETEXT_OR_BREAK = /^ {0,3}(?:=+|-+)[ \t]*$/;
const HTML_START = /^ {0,3}<[A-Za-z/!?]/;
const DEFINITION = /^( {0,3})\[([^\][\\]+)\]:[ \t]*([^\s<>]+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;
const DESTINATION = /^\(([^\s()<>]*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*\)/;
// Characters that make heading text or a link anything but plain: leave those to remark.
const INLINE_MARKUP = /[*_`[\]<>!\\&]/;
const RELATIVE = /^(?![a-z][a-z0-9+.-]*:)(?!#)(?!\/\/)\S/i;
// First characters that never start a heading, fence, HTML, quote, list or underline.
const PROSE_START = /[^#`~<=>*+\-\d\t[]/;

type Links = MarkdownOutline['relativeLinks'];

/** Links on one line, or null when the line has link syntax the scanner does not model. */
function scanLinks(line: string, lineNo: number, links: Links): boolean {
  if (!line.includes(']')) return true;
  if (!line.includes('](')) return !line.includes(']:');
  if (/[`\\<&\r]|\]\[/.test(line)) return false;
  let from = 0;
  for (;;) {
    const close = line.indexOf('](', from);
    if (close < 0) break;
    const open = line.lastIndexOf('[', close);
    // The text must be one flat [...] on this line: no other bracket inside.
    if (open < 0 || line.indexOf(']', open) !== close) return false;
    const dest = DESTINATION.exec(line.slice(close + 1));
    if (!dest) return false;
    const isImage = open > 0 && line[open - 1] === '!';
    if (!isImage && RELATIVE.test(dest[1])) links.push({ url: dest[1], line: lineNo, column: open + 1 });
    from = close + 1 + dest[0].length;
  }
  return !line.slice(from).includes(']:');
}

/** The outline remark would give, or null when the text needs remark to be sure. */
export function scanOutline(body: string, lineOffset = 0): MarkdownOutline | null {
  if (body.includes('\r')) return null;
  const headings: Heading[] = [];
  const relativeLinks: Links = [];
  let fence: { char: string; length: number } | null = null;
  let previousBlank = true;
  let previousBlock = true; // the previous line ended a block (blank, heading, fence, definition)
  let lineNo = lineOffset;
  let nextBracket = -1;
  // Walk the lines by index: a prose line is recognised from its first character and the
  // absence of "]" without being cut out of the body (this runs on every line of every ADR).
  for (let start = 0; start <= body.length; ) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const lineStart = start;
    start = end + 1;
    lineNo++;
    let first = lineStart;
    while (body.charCodeAt(first) === 32 && first < end) first++;
    const c = first < end ? body[first] : undefined;
    if (fence) {
      if (c !== fence.char) continue;
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(body.slice(lineStart, end));
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) {
        fence = null;
        previousBlank = previousBlock = true;
      }
      continue;
    }
    if (nextBracket < lineStart) nextBracket = body.indexOf(']', lineStart) >>> 0; // -1 becomes 2^32-1: none left
    const hasBracket = nextBracket < end;
    if (c !== undefined && !hasBracket && first - lineStart < 4 && PROSE_START.test(c)) {
      previousBlank = previousBlock = false;
      continue;
    }
    const line = body.slice(lineStart, end);
    if (c === undefined || (c === '\t' && line.trim() === '')) {
      previousBlank = previousBlock = true;
      continue;
    }
    if (first - lineStart >= 4 || c === '\t') {
      // Indented code or a list item's continuation: only remark can tell.
      if (/^\s*(#|`{3}|~{3})/.test(line) || line.includes('](') || line.includes(']:')) return null;
      previousBlank = previousBlock = false;
      continue;
    }
    if (c === '`' || c === '~') {
      const open = FENCE_OPEN.exec(line);
      if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
        fence = { char: open[2][0], length: open[2].length };
        continue;
      }
    }
    if (c === '<' && HTML_START.test(line)) return null;
    if ((c === '=' || c === '-') && SETEXT_OR_BREAK.test(line) && !previousBlank) return null;
    // Headings or fences inside a block quote or list item.
    if ((c === '>' || c === '*' || c === '+' || c === '-' || (c >= '0' && c <= '9')) && /^ {0,3}(?:>|[*+-][ \t]|\d{1,9}[.)][ \t])[ \t>]*(?:#|`{3}|~{3})/.test(line)) return null;
    const atx = c === '#' ? ATX.exec(line) : null;
    if (atx) {
      const text = (atx[3] ?? '').replace(/(?:^|[ \t]+)#+$/, '').trim();
      if (INLINE_MARKUP.test(text)) return null;
      headings.push({ depth: atx[2].length, text, line: lineNo, column: atx[1].length + 1 });
      previousBlank = false;
      previousBlock = true;
      continue;
    }
    const definition = c === '[' ? DEFINITION.exec(line) : null;
    if (definition) {
      if (!previousBlock) return null; // a definition cannot interrupt a paragraph
      if (RELATIVE.test(definition[3])) relativeLinks.push({ url: definition[3], line: lineNo, column: definition[1].length + 1 });
      previousBlank = false;
      previousBlock = true;
      continue;
    }
    if (!scanLinks(line, lineNo, relativeLinks)) return null;
    previousBlank = previousBlock = false;
  }
  return { headings, relativeLinks, h1HasMarkup: false };
}
