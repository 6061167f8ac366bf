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

/**
 * The steps every generated workflow starts with: full-history checkout (affected needs the base
 * commit, dora the whole history and tags), Node 20 with the package manager's cache, install.
 */
export function checkoutAndInstallSteps(pm: PackageManager): string {
  return `      - uses: actions/checkout@v4
        with:
          # The whole history and every tag: nx affected needs the base commit; dora refuses a shallow clone.
          fetch-depth: 0
${pm === 'pnpm' ? '      - uses: pnpm/action-setup@v4\n' : ''}      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: ${pm}
      - run: ${PACKAGE_MANAGER_COMMANDS[pm].install}
`;
}
