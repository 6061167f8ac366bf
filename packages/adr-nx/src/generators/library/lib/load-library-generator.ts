import type { Tree } from '@nx/devkit';
import { AdrInputError } from '../../../adr';

export type LibraryGenerator = (tree: Tree, options: Record<string, unknown>) => Promise<(() => void | Promise<void>) | void>;

/** The nx version the workspace pins, for the install hint (@nx/js must match it). */
function nxVersion(tree: Tree): string {
  try {
    const pkg = JSON.parse(tree.read('package.json', 'utf-8') ?? '{}') as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
    return (pkg.devDependencies?.nx ?? pkg.dependencies?.nx ?? 'latest').replace(/^[\^~]/, '');
  } catch {
    return 'latest';
  }
}

/**
 * @nx/js is an optional peer dependency: loaded only when the library generator runs, with an
 * install hint when it is missing. `load` is there so the missing case can be exercised.
 */
export async function loadLibraryGenerator(tree: Tree, load: () => Promise<unknown> = () => import('@nx/js')): Promise<LibraryGenerator> {
  try {
    const mod = (await load()) as { libraryGenerator?: LibraryGenerator };
    if (typeof mod.libraryGenerator !== 'function') throw new AdrInputError('@nx/js has no libraryGenerator export: install an @nx/js version that matches nx (21 or later).');
    return mod.libraryGenerator;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new AdrInputError(`@nx/js is not installed, and the library generator builds on it. Run: npm install -D @nx/js@${nxVersion(tree)} (the same version as nx), then run the generator again.`);
  }
}
