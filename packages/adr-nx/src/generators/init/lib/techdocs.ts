import type { Tree } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { addAnnotation } from './catalog-info';

export const TECHDOCS_REF_ANNOTATION = 'backstage.io/techdocs-ref';

/** The process docs the package ships (from this repo's docs/, copied in at build). */
const PROCESS_DOCS = [
  { from: 'process.md', to: 'adr-process.md', title: 'How we decide' },
  { from: 'reviewing-adr-prs.md', to: 'reviewing-adr-prs.md', title: 'Reviewing an ADR pull request' },
] as const;

/**
 * The package's docs/ folder: `<package>/docs` when published (the build copies them there), or
 * the repository's docs/ when running from source (tests). This file is 4 levels below the
 * package root in both layouts.
 */
function packagedDoc(name: string): string {
  const packageRoot = join(__dirname, '..', '..', '..', '..');
  const candidates = [join(packageRoot, 'docs', name), join(packageRoot, '..', '..', 'docs', name)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`@fx/adr-nx is missing its ${name} (looked in ${candidates.join(', ')}). Reinstall the package.`);
  return readFileSync(found, 'utf8');
}

function siteName(tree: Tree): string {
  try {
    const pkg = JSON.parse(tree.read('package.json', 'utf-8') ?? '{}') as { name?: string };
    if (pkg.name) return pkg.name;
  } catch {
    // keep the default
  }
  return 'Workspace';
}

/**
 * Backstage TechDocs for the workspace: mkdocs.yml (techdocs-core), docs/index.md, the ADR
 * process pages, and `backstage.io/techdocs-ref: dir:.` on the catalog entity. Only adds what
 * is missing; never overwrites. Returns what it did, for init's summary.
 */
export function addTechDocs(tree: Tree, adrDirectory: string, catalogInfoPath = 'catalog-info.yaml'): string[] {
  const done: string[] = [];
  const write = (path: string, text: string) => {
    if (tree.exists(path)) return;
    tree.write(path, text);
    done.push(`wrote ${path}`);
  };
  // The process doc links to the decision log as adr/README.md; point it at this workspace's ADR folder.
  const adrLink = posix.relative('docs', adrDirectory) || '.';
  const adrsInSite = !adrLink.startsWith('..');
  for (const doc of PROCESS_DOCS) {
    write(`docs/${doc.to}`, packagedDoc(doc.from).replace(/\]\(process\.md\)/g, '](adr-process.md)').replace(/\]\(adr\//g, `](${adrLink}/`));
  }
  write(
    'docs/index.md',
    [
      `# ${siteName(tree)}`,
      '',
      '* [How we decide, record and enforce architecture decisions](adr-process.md)',
      '* [Reviewing an ADR pull request](reviewing-adr-prs.md)',
      adrsInSite ? `* [Architecture decisions](${adrLink}/README.md)` : `* Architecture decisions: \`${adrDirectory}\` (also in Backstage's ADR tab)`,
      '',
    ].join('\n'),
  );
  write('mkdocs.yml', [`site_name: ${JSON.stringify(siteName(tree))}`, 'docs_dir: docs', 'plugins:', '  - techdocs-core', ''].join('\n'));
  if (tree.exists(catalogInfoPath)) {
    if (addAnnotation(tree, catalogInfoPath, TECHDOCS_REF_ANNOTATION, 'dir:.') === 'annotated') done.push(`annotated ${catalogInfoPath} (${TECHDOCS_REF_ANNOTATION}: dir:.)`);
  } else {
    done.push(`no ${catalogInfoPath}: add "${TECHDOCS_REF_ANNOTATION}: dir:." to your catalog entity's annotations`);
  }
  return done;
}
