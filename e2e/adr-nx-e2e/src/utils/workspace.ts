import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { e2eTmp } from './paths';
import { tarballs } from './pack';

export const NX_VERSION = '23.2.1';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout + stderr, for assertions on messages. */
  output: string;
}

export interface E2eWorkspace {
  root: string;
  /** Runs a shell command in the workspace (no daemon, no Nx Cloud, no colours). */
  run(command: string, env?: Record<string, string>): RunResult;
  /** `npx nx <args>` in the workspace. */
  nx(args: string, env?: Record<string, string>): RunResult;
  write(path: string, text: string): void;
  read(path: string): string;
  exists(path: string): boolean;
}

export interface WorkspaceOptions {
  /** Extra npm packages to install beside nx and the tarball, e.g. ['@nx/eslint@23.2.1', 'eslint@10']. */
  packages?: string[];
  /** Files written before install (path -> text). */
  files?: Record<string, string>;
  /** Run `nx g @fx/adr-nx:init` after install (default true). */
  init?: boolean;
  /** nx, @nx/js and @nx/devkit version (default NX_VERSION). */
  nxVersion?: string;
}

/**
 * A fresh Nx workspace in tmp/e2e/<name>: package.json + nx.json, then nx, @nx/js and the
 * packed @fx/adr-nx installed from the npm registry and the tarball (no verdaccio here).
 */
export function createWorkspace(name: string, options: WorkspaceOptions = {}): E2eWorkspace {
  const root = join(e2eTmp, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const ws = workspaceAt(root);
  ws.write('package.json', JSON.stringify({ name: `@acme/${name}`, version: '0.0.0', private: true, workspaces: ['libs/*', 'packages/*'] }, null, 2) + '\n');
  ws.write('nx.json', JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json', namedInputs: { default: ['{projectRoot}/**/*'] } }, null, 2) + '\n');
  ws.write('.gitignore', 'node_modules\n.nx/cache\n.nx/workspace-data\ndist\n');
  for (const [path, text] of Object.entries(options.files ?? {})) ws.write(path, text);
  // @nx/devkit is a peer of the plugin: listing it (as Nx workspaces do) lets npm place the
  // workspace's own version instead of the newest one, whose peer range may exclude this nx.
  const nx = options.nxVersion ?? NX_VERSION;
  const packages = [`nx@${nx}`, `@nx/js@${nx}`, `@nx/devkit@${nx}`, ...(options.packages ?? []), ...Object.values(tarballs())];
  const install = ws.run(`npm install --no-audit --no-fund --prefer-offline --save-dev ${packages.join(' ')}`);
  if (install.code !== 0) throw new Error(`npm install failed in ${root}:\n${install.output}`);
  ws.run('git init -q && git add -A && git -c user.email=e2e@example.com -c user.name=e2e commit -qm init');
  if (options.init !== false) {
    const init = ws.nx('g @fx/adr-nx:init');
    if (init.code !== 0) throw new Error(`nx g @fx/adr-nx:init failed in ${root}:\n${init.output}`);
  }
  return ws;
}

export function workspaceAt(root: string): E2eWorkspace {
  const run = (command: string, env: Record<string, string> = {}): RunResult => {
    const r = spawnSync('bash', ['-c', command], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: '', FORCE_COLOR: '0', NX_TUI: 'false', CI: 'true', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    const stdout = r.stdout ?? '';
    const stderr = r.stderr ?? '';
    return { code: r.status ?? 1, stdout, stderr, output: `${stdout}\n${stderr}` };
  };
  return {
    root,
    run,
    nx: (args, env) => run(`npx nx ${args}`, env),
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    exists: (path) => existsSync(join(root, path)),
  };
}
