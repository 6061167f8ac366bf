import { headingLines } from './fields';
import { emptyRead, type ReadSource } from './types';

/** A file in no format the importer knows: its text is kept verbatim; the title is its H1 as written. */
export function readUnknown(text: string): ReadSource {
  const read = emptyRead('unknown', text);
  const lines = text.split('\n');
  const h1 = headingLines(lines).find((h) => h.depth === 1);
  if (h1) read.title = { value: h1.text, line: h1.index + 1 };
  return read;
}
