import type { Tree } from '@nx/devkit';
import { posix } from 'node:path';
import { Document, parse } from 'yaml';
import { ADR_LOCATION_ANNOTATION } from '../../init/lib/catalog-info';

// Backstage's rules: names [a-zA-Z0-9] separated by [-_.], at most 63; tags lowercase [a-z0-9:+#] separated by '-'.
const ENTITY_NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;
const ENTITY_TAG = /^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$/;

export function entityName(projectName: string): string {
  const name = projectName.replace(/^@/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return ENTITY_NAME.test(name) ? name : 'library';
}

/** spec.owner / spec.system of the workspace's own catalog-info.yaml, to inherit. */
export function workspaceCatalogSpec(tree: Tree): { owner?: string; system?: string } {
  if (!tree.exists('catalog-info.yaml')) return {};
  try {
    const docs = (tree.read('catalog-info.yaml', 'utf-8') ?? '').split(/^---\s*$/m).map((d) => parse(d) as { kind?: string; spec?: { owner?: unknown; system?: unknown } } | null);
    const entity = docs.find((d) => d?.kind === 'Component') ?? docs.find((d) => d?.spec);
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    return { owner: str(entity?.spec?.owner), system: str(entity?.spec?.system) };
  } catch {
    return {};
  }
}

export interface ComponentInfo {
  projectName: string;
  projectRoot: string;
  adrDirectory: string;
  owner: string;
  system?: string;
  description?: string;
  tags: readonly string[];
}

/**
 * The library's own Backstage Component. `backstage.io/adr-location` is relative to this file
 * (Backstage resolves it against the entity's source location), so the ADR tab shows the
 * workspace's ADRs.
 */
export function writeComponentCatalogInfo(tree: Tree, info: ComponentInfo): string {
  const path = `${info.projectRoot}/catalog-info.yaml`;
  if (tree.exists(path)) return path;
  const tags = info.tags.map((t) => t.toLowerCase()).filter((t) => ENTITY_TAG.test(t) && t.length <= 63);
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: entityName(info.projectName),
      ...(info.description ? { description: info.description } : {}),
      ...(tags.length ? { tags } : {}),
      annotations: { [ADR_LOCATION_ANNOTATION]: posix.relative(info.projectRoot, info.adrDirectory) || '.' },
    },
    spec: {
      type: 'library',
      lifecycle: 'experimental',
      owner: info.owner,
      ...(info.system ? { system: info.system } : {}),
    },
  };
  tree.write(path, new Document(entity).toString({ lineWidth: 0 }));
  return path;
}
