import { normalizeAdrText } from '../render';
import { detectFormat } from './detect';
import { readLog4brains } from './log4brains';
import { readMadr4 } from './madr4';
import { readMadrList } from './madr-list';
import { readNygard } from './nygard';
import { readUnknown } from './unknown';
import type { ReadSource } from './types';

/** Reads one source file in whatever format it is in (BOM and CRLF are normalised first). */
export function readSource(rawText: string, fileName: string, path: string): ReadSource {
  const text = normalizeAdrText(rawText);
  switch (detectFormat(text, fileName)) {
    case 'madr4':
      return readMadr4(text, path);
    case 'log4brains':
      return readLog4brains(text, fileName);
    case 'madr-list':
      return readMadrList(text);
    case 'nygard':
      return readNygard(text);
    default:
      return readUnknown(text);
  }
}
