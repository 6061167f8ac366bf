import { LineCounter, parseDocument } from 'yaml';
import { locateInYaml } from './parse';
import type { AdrDocument } from './types';

type Locate = (path: Array<string | number>) => { line: number; column: number };

// Most checks never need a position: the YAML is parsed again, with positions, only on demand.
const locators = new WeakMap<AdrDocument, Locate>();

/**
 * 1-based line and column of a front-matter entry (`['enforcement', 'requiredTags', 0]`), or of
 * its deepest existing parent; line 1 when the file has no front-matter.
 */
export function frontMatterPosition(adr: AdrDocument, path: Array<string | number>): { line: number; column: number } {
  if (!adr.hasFrontMatter) return { line: 1, column: 1 };
  let locate = locators.get(adr);
  if (!locate) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(adr.frontMatterText, { lineCounter });
    locate = (p) => locateInYaml(doc, lineCounter, p, adr.frontMatterLine - 1);
    locators.set(adr, locate);
  }
  return locate(path);
}
