import type { Tree } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { AdrInputError } from '../../../adr';

/** A file named on the command line: from the Tree first (a file an earlier generator wrote counts), else the disk. */
export function readInputFile(tree: Tree, path: string, option: string): string {
  if (!isAbsolute(path) && tree.exists(path)) return tree.read(path, 'utf-8') ?? '';
  const onDisk = isAbsolute(path) ? path : join(tree.root, path);
  if (!existsSync(onDisk)) throw new AdrInputError(`--${option}=${path}: no such file (looked in ${onDisk}).`);
  return readFileSync(onDisk, 'utf8');
}
