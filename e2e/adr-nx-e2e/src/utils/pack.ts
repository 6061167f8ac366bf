import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tarballDir } from './paths';

/** Publishable packages of this repo: `dist/` folder -> npm name. */
export const PACKAGES: Record<string, string> = {
  'dist/packages/adr-nx': '@fx/adr-nx',
  // eslintrc resolves `plugins: ["@fx/adr-nx"]` to this package; it re-exports the plugin of @fx/adr-nx.
  'dist/packages/eslint-plugin-adr-nx': '@fx/eslint-plugin-adr-nx',
};

/** Builds the publishable packages and `npm pack`s them; returns npm name -> tarball path. */
export function packPlugin(): Record<string, string> {
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  rmSync(tarballDir, { recursive: true, force: true });
  mkdirSync(tarballDir, { recursive: true });
  const result: Record<string, string> = {};
  for (const [dir, name] of Object.entries(PACKAGES)) {
    const before = new Set(readdirSync(tarballDir));
    execFileSync('npm', ['pack', '--pack-destination', tarballDir], { cwd: join(repoRoot, dir), stdio: 'pipe' });
    const made = readdirSync(tarballDir).find((f) => !before.has(f));
    if (!made) throw new Error(`npm pack of ${dir} made no tarball`);
    result[name] = join(tarballDir, made);
  }
  return result;
}

export function tarballs(): Record<string, string> {
  const raw = process.env.FX_ADR_NX_TARBALLS;
  if (!raw) throw new Error('FX_ADR_NX_TARBALLS is not set: run e2e through `nx run adr-nx-e2e:e2e` (its globalSetup packs the plugin).');
  return JSON.parse(raw) as Record<string, string>;
}
