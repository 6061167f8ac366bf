import { dropLines, splitPeople, splitTags } from './fields';
import type { Header } from './header-fields';
import type { ReadSource } from './types';

/** A status line that carries a link ("Superseded by [DNS](0015-dns.md)") stays in the body, link rewritten. */
export const carriesLink = (text: string) => /\]\(/.test(text);

/**
 * Moves the header's metadata lines into `read` and returns the body lines without them, the
 * H1 rewritten to the plain title. Shared by the Nygard and MADR 2/3 readers.
 */
export function applyHeader(read: ReadSource, lines: string[], header: Header, drop = new Set<number>()): string[] {
  const out = [...lines];
  if (header.h1Index >= 0 && header.title !== null) {
    read.title = { value: header.title, line: header.h1Index + 1 };
    out[header.h1Index] = `# ${header.title}`;
  }
  for (const field of header.fields) {
    const { key, value, line, index } = field;
    if (key === 'status') {
      if (read.status) continue;
      read.status = { value, line };
      if (carriesLink(value)) continue;
    } else if (key === 'date') read.date = { value, line };
    else if (key === 'tags') read.tags.push(...splitTags(value));
    else if (key === 'decision-makers') read.decisionMakers.push(...splitPeople(value));
    else read[key].push(...splitPeople(value));
    drop.add(index);
  }
  return dropLines(out, drop);
}
