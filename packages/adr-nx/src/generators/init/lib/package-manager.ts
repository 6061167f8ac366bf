import type { Tree } from '@nx/devkit';

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/** The workspace's package manager, from its lock file (the generated CI steps must match it). */
export function packageManagerOf(tree: Tree): PackageManager {
  if (tree.exists('pnpm-lock.yaml')) return 'pnpm';
  if (tree.exists('yarn.lock')) return 'yarn';
  return 'npm';
}

/** CI commands per package manager: install exactly the lock file, and run a local binary. */
export const PACKAGE_MANAGER_COMMANDS: Record<PackageManager, { install: string; exec: string }> = {
  npm: { install: 'npm ci', exec: 'npx' },
  pnpm: { install: 'pnpm install --frozen-lockfile', exec: 'pnpm exec' },
  yarn: { install: 'yarn install --frozen-lockfile', exec: 'yarn' },
};
