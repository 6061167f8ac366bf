import yargsParser from 'yargs-parser';

/** What an Nx command line asked for, to tag a run: `nx run-many -t build test -c production` -> run-many, [build, test], production. */
export interface NxCommand {
  /** run-many | affected | run | release | ... (`nx build app` counts as `run`). */
  command: string;
  targets: string[];
  configuration?: string;
  projects: string[];
}

/** Nx commands that run tasks and take their targets from -t/--targets. */
const MULTI_TARGET_COMMANDS = new Set(['run-many', 'affected']);
/** Nx commands that are not target names (so `nx <word> <project>` is the infix form only for other words). */
const OTHER_COMMANDS = new Set(['release', 'exec', 'watch', 'sync', 'format', 'format:write', 'format:check', 'show', 'graph', 'migrate', 'generate', 'g', 'add', 'import', 'init', 'repair', 'report', 'reset', 'daemon', 'connect', 'view-logs', 'list', 'login', 'logout', 'mcp']);

/** Index of the first argument after the nx binary (`node .../nx/bin/nx.js run-many ...`). */
function argsStart(argv: readonly string[]): number {
  const bin = argv.findIndex((a, i) => i < 3 && /(^|[\\/])nx(\.[cm]?js)?$/.test(a));
  return bin >= 0 ? bin + 1 : Math.min(2, argv.length);
}

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export function parseNxCommand(argv: readonly string[]): NxCommand {
  const parsed = yargsParser(argv.slice(argsStart(argv)), {
    alias: { targets: ['t', 'target'], configuration: ['c'], projects: ['p', 'project'] },
    array: ['targets', 'projects'],
    string: ['targets', 'projects', 'configuration'],
    configuration: { 'camel-case-expansion': false },
  });
  const positional = parsed._.map(String);
  const configuration = typeof parsed.configuration === 'string' && parsed.configuration ? parsed.configuration : undefined;
  const [first = '', second] = positional;

  if (MULTI_TARGET_COMMANDS.has(first)) return { command: first, targets: list(parsed.targets), configuration, projects: list(parsed.projects) };
  if (first === 'run' && second) {
    // nx run app:build:production
    const [project, target, config] = second.split(':');
    return { command: 'run', targets: target ? [target] : [], configuration: configuration ?? config, projects: project ? [project] : [] };
  }
  if (first && !OTHER_COMMANDS.has(first)) {
    // Infix form: nx build app (project optional: the default project or the one in cwd)
    return { command: 'run', targets: [first], configuration, projects: second ? [second] : [] };
  }
  return { command: first || 'unknown', targets: list(parsed.targets), configuration, projects: list(parsed.projects) };
}
