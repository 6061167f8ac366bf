import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostTasksExecutionContext } from '@nx/devkit';
import { postTasksExecution } from '../../plugin';
import { recordTimings } from './recorder';
import { MAX_RUNS_FILE_BYTES, ROTATED_RUNS_FILE, RUNS_FILE, timingsDirectory } from './store';
import { nxRunContext } from '../testing/nx-run-context';

describe('postTasksExecution recorder', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'fx-rec-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const lines = () => readFileSync(join(timingsDirectory(root, {}), RUNS_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

  it('is the plugin hook and appends one line per run with every task', async () => {
    const context = nxRunContext(root, 'run-1', ['run-many', '-t', 'build'], [
      { project: 'lib-a', target: 'build', status: 'success', start: 1000, end: 3500 },
      { project: 'lib-b', target: 'build', configuration: 'production', status: 'remote-cache', start: 1000, end: 1100 },
      { project: 'lib-c', target: 'build', status: 'skipped', code: 1 },
    ]);
    await postTasksExecution({}, context);
    await postTasksExecution(undefined, { ...context, id: 'run-2' });
    const [first, second] = lines();
    expect(first).toEqual({
      v: 1,
      id: 'run-1',
      argv: ['/usr/bin/node', '/ws/node_modules/nx/bin/nx.js', 'run-many', '-t', 'build'],
      start: 1000,
      end: 3600,
      tasks: [
        { id: 'lib-a:build', project: 'lib-a', target: 'build', status: 'success', code: 0, start: 1000, end: 3500 },
        { id: 'lib-b:build:production', project: 'lib-b', target: 'build', configuration: 'production', status: 'remote-cache', code: 0, start: 1000, end: 1100 },
        { id: 'lib-c:build', project: 'lib-c', target: 'build', status: 'skipped', code: 1 },
      ],
    });
    expect(second.id).toBe('run-2');
  });

  it('leaves out report-timings itself (any name the plugin gives it) and can be switched off', () => {
    recordTimings({ reportTimingsTargetName: 'timings' }, nxRunContext(root, 'r', ['run', 'ws:timings'], [{ project: 'ws', target: 'timings', status: 'success', start: 1, end: 2 }]));
    recordTimings({}, nxRunContext(root, 'r2', ['run', 'ws:report-timings'], [{ project: 'ws', target: 'report-timings', status: 'success', start: 1, end: 2 }]));
    recordTimings({ recordTimings: false }, nxRunContext(root, 'r3', ['build'], [{ project: 'a', target: 'build', status: 'success', start: 1, end: 2 }]));
    expect(() => statSync(join(timingsDirectory(root, {}), RUNS_FILE))).toThrow();
  });

  it('never throws and prints nothing when it cannot write', () => {
    const file = join(root, 'not-a-dir');
    writeFileSync(file, 'x');
    const spy = jest.spyOn(process.stdout, 'write');
    const errSpy = jest.spyOn(process.stderr, 'write');
    expect(() => recordTimings({}, nxRunContext(file, 'r', ['build'], [{ project: 'a', target: 'build', status: 'success', start: 1, end: 2 }]))).not.toThrow();
    expect(() => recordTimings({}, { broken: true } as unknown as PostTasksExecutionContext)).not.toThrow();
    expect(spy).not.toHaveBeenCalled();
    expect(errSpy).not.toHaveBeenCalled();
  });

  it('keeps the file bounded by rotating it past 5 MB', () => {
    const dir = timingsDirectory(root, {});
    recordTimings({}, nxRunContext(root, 'first', ['build'], [{ project: 'a', target: 'build', status: 'success', start: 1, end: 2 }]));
    writeFileSync(join(dir, RUNS_FILE), 'x'.repeat(MAX_RUNS_FILE_BYTES + 1));
    recordTimings({}, nxRunContext(root, 'after', ['build'], [{ project: 'a', target: 'build', status: 'success', start: 1, end: 2 }]));
    expect(statSync(join(dir, ROTATED_RUNS_FILE)).size).toBe(MAX_RUNS_FILE_BYTES + 1);
    expect(lines().map((r) => r.id)).toEqual(['after']);
  });

  it('honours NX_WORKSPACE_DATA_DIRECTORY like Nx does', () => {
    expect(timingsDirectory('/ws', {})).toBe('/ws/.nx/workspace-data/fx-adr-nx/timings');
    expect(timingsDirectory('/ws', { NX_WORKSPACE_DATA_DIRECTORY: 'tmp/nx-data' })).toBe('/ws/tmp/nx-data/fx-adr-nx/timings');
    expect(timingsDirectory('/ws', { NX_WORKSPACE_DATA_DIRECTORY: '/abs' })).toBe('/abs/fx-adr-nx/timings');
  });
});
