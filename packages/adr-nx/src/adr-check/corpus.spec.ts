import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { madrFilePathFilter } from '@backstage/plugin-adr-common';
import type { ProjectGraph } from '@nx/devkit';
import { diskSource } from '../adr/file-source';
import { checkDocuments } from './documents/check-documents';
import { formatJson } from './report/json';
import { formatText } from './report/text';
import { runAdrCheck } from './run-adr-check';

// Real ADR folders of public projects, beside the repository (CI clones shared/ next to it).
const repoRoot = join(__dirname, '../../../..');
const corpus = join(repoRoot, '..', 'shared', 'corpus');
const folders = readdirSync(corpus).filter((f) => statSync(join(corpus, f)).isDirectory());

/** What each folder is known to contain (see shared/corpus/README.md), by finding code. */
const EXPECTED: Record<string, Record<string, number>> = {
  'npryce__adr-tools': { 'front-matter/missing': 9, 'decision-log/missing': 1 },
  'alphagov__govuk-aws': { 'front-matter/missing': 38, 'file-name/canonical': 1, 'decision-log/missing': 1 },
  adr__madr: { 'front-matter/schema': 38, 'file-name/case': 1, 'decision-log/missing': 1 },
  thomvaill__log4brains: { 'front-matter/missing': 9, 'file-name/backstage': 9, 'decision-log/missing': 1 },
};

describe('adr-check on real ADR folders (shared/corpus)', () => {
  it('finds the corpus', () => {
    expect(folders.length).toBeGreaterThanOrEqual(4);
  });

  it.each(folders)('%s: precise diagnostics for every file, never a crash', (folder) => {
    const result = checkDocuments(diskSource(corpus), folder, { today: '2026-06-01' });
    const counts: Record<string, number> = {};
    for (const f of result.findings) {
      counts[f.code] = (counts[f.code] ?? 0) + 1;
      // Each finding names a file of this folder, a position, and what to do.
      expect(f.file.startsWith(`${folder}/`)).toBe(true);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(f.message).not.toMatch(/undefined|\[object Object\]|at .*\.ts:\d+/);
      expect(f.hint).toEqual(expect.any(String));
    }
    if (EXPECTED[folder]) expect(counts).toEqual(EXPECTED[folder]);

    // Our name check agrees with Backstage's own filter on every file.
    for (const adr of result.adrs) {
      const flagged = result.findings.some((f) => f.file === adr.path && f.code === 'file-name/backstage');
      expect(flagged).toBe(!madrFilePathFilter(adr.path));
    }

    // The whole task (documents + a project's compliance) renders in both formats.
    const graph = { nodes: { lib: { name: 'lib', type: 'lib', data: { root: 'libs/lib', tags: [] } } }, dependencies: { lib: [] } } as unknown as ProjectGraph;
    const report = runAdrCheck({ workspaceRoot: corpus, projectName: 'lib', projectGraph: graph, adrDirectory: folder, documents: true, fix: false, preview: true, today: '2026-06-01' });
    expect(formatText(report)).toContain(`ADR documents in ${folder}: ${result.fileCount} files`);
    expect(JSON.parse(formatJson(report)).documents.findings).toHaveLength(result.findings.length);
  });
});
