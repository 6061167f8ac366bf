/**
 * npm run dora -- [options]: the dora executor on this repository's own history, from the sources
 * (this repo does not install its own plugin). Options are the executor's, e.g.
 *   npm run dora -- --deploymentSource=branch --branch=main --datadog=false
 *   npm run dora -- --format=json --days=30
 */
import { join } from 'node:path';
import yargsParser from 'yargs-parser';
import doraExecutor from '../packages/adr-nx/src/executors/dora/executor';
import type { DoraExecutorSchema } from '../packages/adr-nx/src/executors/dora/schema';

const { _: _positional, $0: _script, ...options } = yargsParser(process.argv.slice(2), {
  configuration: { 'camel-case-expansion': false },
  boolean: ['includeMergeCommits', 'summary', 'datadog', 'dryRun', 'failOnError'],
  number: ['days'],
  string: ['since', 'until', 'tagPattern', 'branch', 'events', 'format'],
});
const root = join(__dirname, '..');
doraExecutor(options as DoraExecutorSchema, { root, cwd: root, isVerbose: false } as Parameters<typeof doraExecutor>[1]).then(
  ({ success }) => process.exit(success ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
