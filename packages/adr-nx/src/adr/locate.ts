import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { AdrDocument } from './types';

type Locate = (path: Array<string | number>, atKey?: boolean) => { line: number; column: number };

// Most checks never need a position: the YAML is parsed again, with positions, only on demand.
const locators = new WeakMap<AdrDocument, Locate>();

/**
 * 1-based line and column of a front-matter entry (`['enforcement', 'requiredTags', 0]`), or of
 * its deepest existing parent; line 1 when the file has no front-matter.
 */
export function frontMatterPosition(adr: AdrDocument, path: Array<string | number>, atKey = false): { line: number; column: number } {
  if (!adr.hasFrontMatter) return { line: 1, column: 1 };
  let locate = locators.get(adr);
  if (!locate) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(adr.frontMatterText, { lineCounter });
    locate = (p, key) => locateInYaml(doc, lineCounter, p, adr.frontMatterLine - 1, key);
    locators.set(adr, locate);
  }
  return locate(path, atKey);
}

/**
 * Line and column of the deepest existing node on `path` (so a missing key points at its
 * parent); of the key rather than its value with `atKey` (an unknown key).
 */
export function locateInYaml(
  yamlDoc: Document,
  lineCounter: LineCounter,
  path: Array<string | number>,
  lineBase: number,
  atKey = false,
): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    let node: unknown;
    if (depth === 0) node = yamlDoc.contents;
    else {
      // Point at the key of a map entry when there is one: "status: x" -> the "status" key.
      const parent = depth === 1 ? yamlDoc.contents : yamlDoc.getIn(path.slice(0, depth - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(sub[depth - 1]));
        node = pair ? (!atKey && pair.value && path.length === depth && isScalar(pair.value) ? pair.value : pair.key) : undefined;
      } else {
        node = yamlDoc.getIn(sub, true);
      }
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const pos = lineCounter.linePos(range[0]);
      return { line: lineBase + pos.line, column: pos.col };
    }
  }
  return { line: lineBase + 1, column: 1 };
}
