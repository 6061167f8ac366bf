import { posix } from 'node:path';
import type { FileSource } from '../../adr/file-source';
import type { AdrDocument } from '../../adr/types';
import type { Finding } from '../findings';

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Relative links to Markdown files (other ADRs, the decision log) that lead nowhere, with the
 * likely target when only the slug changed (`0005-old-name.md` -> `0005-new-name.md`).
 */
export function checkLinks(adr: AdrDocument, source: FileSource, adrs: readonly AdrDocument[]): Finding[] {
  const findings: Finding[] = [];
  const dir = posix.dirname(adr.path);
  for (const link of adr.links) {
    const target = decode(link.url.replace(/^<|>$/g, '').split(/[?#]/)[0]);
    if (!/\.md$/i.test(target)) continue;
    const resolved = posix.normalize(posix.join(dir, target));
    if (source.exists(resolved)) continue;
    const number = /^(\d{4})-/.exec(posix.basename(target))?.[1];
    const moved = number ? adrs.find((a) => a.fileName.startsWith(`${number}-`) && posix.dirname(a.path) === posix.dirname(resolved)) : undefined;
    findings.push({
      file: adr.path,
      line: link.line,
      column: link.column,
      severity: 'error',
      code: 'link/broken',
      message: `the link to "${link.url}" does not resolve (there is no ${resolved})`,
      hint: moved ? `Did you mean ${posix.relative(dir, moved.path)}? Link to it instead.` : 'Point the link at an existing file, relative to this ADR.',
    });
  }
  return findings;
}
