import type { Tree } from '@nx/devkit';
import { isMap, isScalar, LineCounter, parseAllDocuments, type YAMLMap } from 'yaml';

export const ADR_LOCATION_ANNOTATION = 'backstage.io/adr-location';

function componentName(tree: Tree): string {
  let name = 'workspace';
  try {
    const pkg = JSON.parse(tree.read('package.json', 'utf-8') ?? '{}') as { name?: string };
    if (pkg.name) name = pkg.name;
  } catch {
    // keep the default
  }
  return name.replace(/^@/, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-_.]+|[-_.]+$/g, '').slice(0, 63) || 'workspace';
}

/**
 * Adds `backstage.io/adr-location` to catalog-info.yaml by inserting lines, so every other line
 * (comments, quoting, other documents) stays exactly as it was. Creates a Component when the
 * file is missing. Returns what it did.
 */
export function annotateCatalogInfo(tree: Tree, adrDirectory: string, owner: string, path = 'catalog-info.yaml'): 'created' | 'annotated' | 'unchanged' {
  if (!tree.exists(path)) {
    tree.write(
      path,
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        `  name: ${componentName(tree)}`,
        '  annotations:',
        `    ${ADR_LOCATION_ANNOTATION}: ${adrDirectory}`,
        'spec:',
        '  type: service',
        '  lifecycle: production',
        `  owner: ${owner}`,
        '',
      ].join('\n'),
    );
    return 'created';
  }
  return addAnnotation(tree, path, ADR_LOCATION_ANNOTATION, adrDirectory);
}

/**
 * Adds `key: value` under metadata.annotations of an existing catalog-info.yaml (its Component,
 * else its first entity) by inserting lines, so every other line stays exactly as it was.
 */
export function addAnnotation(tree: Tree, path: string, key: string, value: string): 'annotated' | 'unchanged' {
  const text = tree.read(path, 'utf-8') ?? '';
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  const target = list.find((d) => isMap(d.contents) && d.get('kind') === 'Component') ?? list.find((d) => isMap(d.contents));
  if (!target) throw new Error(`${path} has no YAML map to annotate. Add "metadata:" with "annotations:" to it, or remove it so a Component is created.`);
  const metadata = target.get('metadata', true);
  if (!isMap(metadata)) throw new Error(`${path} has no "metadata:" map. Add one with the entity's name, then run the generator again.`);
  const annotations = metadata.get('annotations', true);
  if (isMap(annotations) && annotations.has(key)) return 'unchanged';

  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const indentOf = (map: YAMLMap) => {
    const first = map.items[0]?.key;
    return isScalar(first) && first.range ? lineCounter.linePos(first.range[0]).col - 1 : 2;
  };
  let insertAt: number;
  let lines: string;
  if (isMap(annotations) && !annotations.flow && annotations.items.length > 0) {
    const firstKey = annotations.items[0].key;
    insertAt = lineStart((firstKey as { range: [number] }).range[0]);
    lines = `${' '.repeat(indentOf(annotations))}${key}: ${value}\n`;
  } else if (annotations === undefined && !metadata.flow && metadata.items.length > 0) {
    const indent = indentOf(metadata);
    const firstKey = metadata.items[0].key;
    insertAt = lineStart((firstKey as { range: [number] }).range[0]);
    lines = `${' '.repeat(indent)}annotations:\n${' '.repeat(indent + 2)}${key}: ${value}\n`;
  } else {
    throw new Error(`${path}: metadata.annotations is not a block map this generator can add a line to. Add "${key}: ${value}" under metadata.annotations by hand.`);
  }
  tree.write(path, text.slice(0, insertAt) + lines + text.slice(insertAt));
  return 'annotated';
}
