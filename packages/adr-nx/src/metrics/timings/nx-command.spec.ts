import { parseNxCommand, type NxCommand } from './nx-command';

const nx = (...args: string[]) => ['/usr/bin/node', '/ws/node_modules/nx/bin/nx.js', ...args];

describe('parseNxCommand', () => {
  it.each<[string[], Omit<NxCommand, 'configuration'> & { configuration?: string }]>([
    [nx('run-many', '-t', 'build', 'test', '--parallel=3'), { command: 'run-many', targets: ['build', 'test'], projects: [] }],
    [nx('run-many', '--targets=lint,test', '--projects', 'a,b', '-c', 'ci'), { command: 'run-many', targets: ['lint', 'test'], projects: ['a', 'b'], configuration: 'ci' }],
    [nx('affected', '-t', 'lint', 'test', 'build', 'adr-check', '--base=origin/main'), { command: 'affected', targets: ['lint', 'test', 'build', 'adr-check'], projects: [] }],
    [nx('affected', '--target=build', '--configuration=production'), { command: 'affected', targets: ['build'], projects: [], configuration: 'production' }],
    [nx('run', 'app:build:production'), { command: 'run', targets: ['build'], projects: ['app'], configuration: 'production' }],
    [nx('run', 'app:serve', '-c', 'dev'), { command: 'run', targets: ['serve'], projects: ['app'], configuration: 'dev' }],
    [nx('build', 'app', '--prod'), { command: 'run', targets: ['build'], projects: ['app'] }],
    [nx('test'), { command: 'run', targets: ['test'], projects: [] }],
    [nx('release', 'publish'), { command: 'release', targets: [], projects: [] }],
    [['node', 'nx', 'run-many', '-t', 'e2e'], { command: 'run-many', targets: ['e2e'], projects: [] }],
    [[], { command: 'unknown', targets: [], projects: [] }],
  ])('%j', (argv, expected) => {
    expect(parseNxCommand(argv)).toEqual({ configuration: undefined, ...expected });
  });
});
