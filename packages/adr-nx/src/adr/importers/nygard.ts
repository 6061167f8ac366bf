import { headingLines, isBlank } from './fields';
import { applyHeader, carriesLink } from './apply-header';
import { readHeader, supersedesLines } from './header-fields';
import { emptyRead, type ReadSource } from './types';

/**
 * adr-tools / Michael Nygard: `# 1. Title`, a `Date:` line, and a `## Status` section whose first
 * paragraph is the status ("Accepted", "Superceded by [2. X](0002-x.md)"); later paragraphs
 * ("Amended by ...", "Supercedes ...") are prose and stay.
 */
export function readNygard(text: string): ReadSource {
  const lines = text.split('\n');
  const read = emptyRead('nygard', text);
  const header = readHeader(lines);
  const drop = new Set<number>();

  const headings = headingLines(lines);
  const statusHeading = headings.find((h) => h.depth >= 2 && /^status$/i.test(h.text));
  if (statusHeading) {
    const after = headings.find((h) => h.index > statusHeading.index && h.depth <= statusHeading.depth);
    const end = after?.index ?? lines.length;
    // Paragraphs of the section: runs of non-blank lines.
    const paragraphs: Array<{ from: number; to: number; text: string }> = [];
    for (let i = statusHeading.index + 1; i < end; i++) {
      if (isBlank(lines[i])) continue;
      let j = i;
      while (j + 1 < end && !isBlank(lines[j + 1])) j++;
      paragraphs.push({ from: i, to: j, text: lines.slice(i, j + 1).join(' ').trim() });
      i = j;
    }
    const first = paragraphs[0];
    // The section's first paragraph is the status, whatever its wording (mapping it is convert.ts's job).
    if (first && !header.fields.some((f) => f.key === 'status')) {
      read.status = { value: first.text, line: first.from + 1 };
      if (!carriesLink(first.text)) for (let i = first.from; i <= first.to; i++) drop.add(i);
    }
    // A section left empty loses its heading too.
    const remaining = paragraphs.filter((p) => !drop.has(p.from));
    if (remaining.length === 0) drop.add(statusHeading.index);
  }

  read.body = applyHeader(read, lines, header, drop).join('\n');
  read.supersedes = supersedesLines(lines);
  return read;
}
