import { readMadrList } from './madr-list';
import type { ReadSource } from './types';

/** log4brains names files by date instead of number: `20200924-slug.md` (or `2020-09-24-slug.md`). */
export const DATE_NAMED_FILE = /^(\d{4})-?(\d{2})-?(\d{2})-(.+)\.md$/i;

export function dateFromFileName(fileName: string): string | null {
  const m = DATE_NAMED_FILE.exec(fileName);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** log4brains writes MADR 2 lists; a file without a `Date:` line is dated by its name. */
export function readLog4brains(text: string, fileName: string): ReadSource {
  const read = readMadrList(text, 'log4brains');
  const fromName = dateFromFileName(fileName);
  if (!read.date && fromName) read.date = { value: fromName, line: 1 };
  return read;
}
