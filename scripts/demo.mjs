#!/usr/bin/env node
// The README's demo: builds and packs @fx/adr-nx, makes a sample Nx workspace under tmp/demo from
// the tarball (nx from the npm registry), and runs the plugin's main jobs there. No Datadog account
// needed: metrics go to a dry-run file. Safe to run again (the sample workspace is made anew).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(repo, 'tmp', 'demo');
const packDir = join(repo, 'tmp', 'demo-pack');
const NX = '23.2.1';
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
delete env.DD_API_KEY; // the demo never sends anything

let step = 0;
const title = (text) => console.log(`\n\x1b[1m[${++step}] ${text}\x1b[0m`);
const sh = (cmd, args, cwd, { allowFail = false, quiet = false } = {}) => {
  if (!quiet) console.log(`$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' });
  if (r.status !== 0 && !allowFail) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    console.error(`\ndemo: "${[cmd, ...args].join(' ')}" failed (exit ${r.status}) in ${cwd}`);
    process.exit(1);
  }
  return r;
};
const write = (path, text) => {
  mkdirSync(dirname(join(demo, path)), { recursive: true });
  writeFileSync(join(demo, path), text);
};
const show = (path) => console.log(`--- ${path}\n${readFileSync(join(demo, path), 'utf8')}`);

title('Build and pack @fx/adr-nx');
sh('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], repo, { quiet: true });
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir, { recursive: true });
for (const dir of ['dist/packages/adr-nx', 'dist/packages/eslint-plugin-adr-nx']) {
  if (existsSync(join(repo, dir))) execFileSync('npm', ['pack', '--pack-destination', packDir], { cwd: join(repo, dir), stdio: 'pipe', env });
}
const tarballs = readdirSync(packDir).map((f) => join(packDir, f));
console.log(tarballs.map((t) => `packed ${t}`).join('\n'));

title('Make a sample workspace in tmp/demo (nx from the npm registry, the plugin from the tarball)');
rmSync(demo, { recursive: true, force: true });
mkdirSync(demo, { recursive: true });
write('package.json', JSON.stringify({ name: '@acme/demo', version: '0.0.0', private: true, workspaces: ['libs/*'] }, null, 2));
write('nx.json', JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2));
write('.gitignore', 'node_modules\n.nx/cache\n.nx/workspace-data\n');
for (const [name, tags] of [['payments-data', ['scope:payments', 'type:data']], ['shared-util', ['scope:shared', 'type:util']]]) {
  write(`libs/${name}/package.json`, JSON.stringify({ name: `@acme/${name}`, version: '0.0.0', nx: { tags } }, null, 2));
  write(`libs/${name}/src/index.js`, `module.exports = { name: '${name}' };\n`);
}
sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', `nx@${NX}`, `@nx/js@${NX}`, ...tarballs], demo, { quiet: true });
sh('git', ['init', '-q'], demo, { quiet: true });

title('nx g @fx/adr-nx:init   (what `nx add @fx/adr-nx` runs)');
sh('npx', ['nx', 'g', '@fx/adr-nx:init'], demo);

title('nx g @fx/adr-nx:adr "Use pino for logging"');
sh('npx', ['nx', 'g', '@fx/adr-nx:adr', 'Use pino for logging', '--status=accepted', '--decisionMakers=platform-team', '--tags=logging'], demo);
sh('npx', ['nx', 'g', '@fx/adr-nx:adr', 'Use Prometheus for metrics', '--tags=observability', '--discussion=https://github.com/acme/demo/discussions/1'], demo);
show('docs/adr/0001-use-pino-for-logging.md');
show('docs/adr/README.md');
show('catalog-info.yaml');

title('Projects and the targets the plugin infers');
sh('npx', ['nx', 'show', 'projects', '--with-target', 'adr-check'], demo);
sh('npx', ['nx', 'show', 'projects', '--with-target', 'dora'], demo);

console.log(`\nDone. The sample workspace is in ${demo}: try \`cd tmp/demo && npx nx g @fx/adr-nx:adr --help\`.`);
