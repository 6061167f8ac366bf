import { applyHeader } from './apply-header';
import { readHeader, supersedesLines } from './header-fields';
import { emptyRead, type ImportFormat, type ReadSource } from './types';

/**
 * MADR 2 and 3: metadata as a list under the title (`* Status: accepted`, `- Deciders: A, B`,
 * `* Date: 2020-09-24`, MADR 3's `* Consulted:` / `* Informed:`). Other lines there
 * ("Technical Story: ...") are prose and stay.
 */
export function readMadrList(text: string, format: ImportFormat = 'madr-list'): ReadSource {
  const lines = text.split('\n');
  const read = emptyRead(format, text);
  read.body = applyHeader(read, lines, readHeader(lines)).join('\n');
  read.supersedes = supersedesLines(lines);
  return read;
}
