import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';

/**
 * Where ADR files are read from: the disk (executors, ESLint) or an Nx Tree (generators, so
 * `--dry-run` sees pending changes). Paths are relative to the workspace root, with `/`.
 */
export interface FileSource {
  /** File names directly inside `dir`, or null when `dir` does not exist. */
  list(dir: string): string[] | null;
  /** Text of a file; throws (with the OS reason) when it cannot be read. */
  read(path: string): string;
  exists(path: string): boolean;
  /** Size in bytes, when the source can tell cheaply. */
  size?(path: string): number;
  /**
   * The text, or only the size when it is over `maxBytes`, with a stamp (`mtime:size`) that
   * changes when the file does: one open file, no separate stat.
   */
  readCapped?(path: string, maxBytes: number): ({ text: string } | { size: number }) & { stamp: string };
}

/** A file's change stamp; the policy cache compares stamps taken here and by directorySignature. */
export function fileStamp(st: { mtimeMs: number; size: number }): string {
  return `${st.mtimeMs}:${st.size}`;
}

export function diskSource(root: string): FileSource {
  return {
    list(dir) {
      try {
        return readdirSync(join(root, dir), { withFileTypes: true })
          .filter((e) => e.isFile() || e.isSymbolicLink())
          .map((e) => e.name);
      } catch {
        return null;
      }
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    exists(path) {
      try {
        statSync(join(root, path));
        return true;
      } catch {
        return false;
      }
    },
    size: (path) => statSync(join(root, path)).size,
    readCapped(path, maxBytes) {
      const fd = openSync(join(root, path), 'r');
      try {
        const st = fstatSync(fd);
        const { size } = st;
        const stamp = fileStamp(st);
        return size > maxBytes ? { size, stamp } : { text: readFileSync(fd, 'utf8'), stamp };
      } finally {
        closeSync(fd);
      }
    },
  };
}

export function treeSource(tree: Tree): FileSource {
  return {
    list: (dir) => (tree.exists(dir) ? tree.children(dir).filter((c) => tree.isFile(`${dir}/${c}`)) : null),
    read(path) {
      const content = tree.read(path, 'utf-8');
      if (content === null) throw new Error(`${path} does not exist`);
      return content;
    },
    exists: (path) => tree.exists(path),
  };
}
