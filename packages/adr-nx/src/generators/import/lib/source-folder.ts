import type { Tree } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AdrInputError, diskSource, gitDateAdded, MAX_ADR_BYTES, treeSource, type FileSource, type ImportSourceFile } from '../../../adr';

export interface SourceFolder {
  /** Workspace-relative path with `/` when the folder is inside the workspace, else null. */
  inWorkspace: string | null;
  /** How the folder is named in messages. */
  display: string;
  files: ImportSourceFile[];
  has(relativePath: string): boolean;
  /** Bytes of a file in the folder (assets are copied as they are, images included). */
  readBytes(relativePath: string): Buffer | null;
  /** When git first recorded a file of the folder, or null. */
  dateAdded(name: string): string | null;
}

/**
 * The folder to import from. Inside the workspace it is read through the Tree (so files an
 * earlier generator wrote count, and --dry-run sees the same); outside it, from the disk.
 */
export function openSourceFolder(tree: Tree, source: string): SourceFolder {
  const absolute = resolve(tree.root, source);
  const rel = relative(tree.root, absolute);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : rel === '' ? '.' : null;
  const files: FileSource = inside !== null ? treeSource(tree) : diskSource(absolute);
  const dir = inside ?? '.';
  const names = files.list(dir);
  if (names === null) {
    throw new AdrInputError(`--source=${source}: no such folder (looked in ${absolute}). Give the folder that holds the ADR files, relative to the workspace root.`);
  }
  const at = (name: string) => (dir === '.' ? name : `${dir}/${name}`);
  const display = inside ?? absolute;
  const list: ImportSourceFile[] = [];
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.md')).sort()) {
    const size = files.size?.(at(name));
    if (size !== undefined && size > MAX_ADR_BYTES) {
      throw new AdrInputError(`${display}/${name} is ${(size / 1024 / 1024).toFixed(1)} MB; an ADR is prose. Move it out of the folder (or shrink it) and run the import again.`);
    }
    list.push({ name, path: `${display}/${name}`, text: files.read(at(name)) });
  }
  return {
    inWorkspace: inside,
    display,
    files: list,
    has: (p) => files.exists(at(p)),
    readBytes(p) {
      if (inside !== null) return tree.read(at(p));
      try {
        return readFileSync(join(absolute, p));
      } catch {
        return null;
      }
    },
    dateAdded: (name) => gitDateAdded(join(absolute, name)),
  };
}
