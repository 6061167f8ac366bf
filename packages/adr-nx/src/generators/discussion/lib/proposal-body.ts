import { fillTemplate, MINIMAL_TEMPLATE } from '../../../adr';
import { headingLines } from '../../../adr/importers/fields';
import type { Discussion } from './discussion-export';

/** The discussion's own headings go two levels down, so they nest under "## Context and Problem Statement". */
export function nestHeadings(markdown: string): string {
  const lines = markdown.split('\n');
  for (const h of headingLines(lines)) {
    lines[h.index] = lines[h.index].replace(/^(\s{0,3})(#{1,6})/, (_, indent: string, hashes: string) => `${indent}${'#'.repeat(Math.min(6, hashes.length + 2))}`);
  }
  return lines.join('\n');
}

/** A MADR 4 body: the discussion as the context, the rest of the template for the decision to come. */
export function proposalBody(discussion: Discussion, title: string): string {
  const text = nestHeadings(discussion.body.replace(/\r\n/g, '\n').trim());
  const link = discussion.url ? `Discussed in ${discussion.url}${discussion.participants.length ? ` by ${discussion.participants.map((p) => `@${p}`).join(', ')}` : ''}.` : '';
  const context = [text || '(The discussion has no opening text.)', link].filter(Boolean).join('\n\n');
  const body = fillTemplate(MINIMAL_TEMPLATE, title);
  // Replace the template's context placeholder (everything up to the next section) with the discussion.
  return body.replace(/(## Context and Problem Statement\n\n)[\s\S]*?(\n\n## )/, (_, head: string, next: string) => `${head}${context.replace(/\$/g, '$$$$')}${next}`);
}
