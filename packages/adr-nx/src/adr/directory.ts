import { isAdrCandidate } from './naming';
import { parseAdr } from './parse';
import type { FileSource } from './file-source';
import type { AdrDocument, Diagnostic } from './types';

/** ADRs are prose: a file this large is a mistake (a log, a binary), not a decision. */
export const MAX_ADR_BYTES = 1024 * 1024;

export interface AdrDirectory {
  dir: string;
  exists: boolean;
  adrs: AdrDocument[];
  /** Problems with the folder or with files that could not be read at all. */
  diagnostics: Diagnostic[];
}

export interface ReadAdrDirectoryOptions {
  /**
   * Parse only the files whose text passes this test (the others are left out of `adrs`). Lets
   * callers that need a few ADRs, such as the policy (only ADRs with `enforcement`), skip the rest.
   */
  select?: (text: string) => boolean;
}

/** Reads and parses every ADR in `dir` (not recursive; README, index and templates skipped), sorted by number. */
export function readAdrDirectory(source: FileSource, dir: string, options: ReadAdrDirectoryOptions = {}): AdrDirectory {
  const names = source.list(dir);
  const result: AdrDirectory = { dir, exists: names !== null, adrs: [], diagnostics: [] };
  if (names === null) {
    result.diagnostics.push({
      file: dir,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'directory/missing',
      message: `the ADR folder ${dir} does not exist`,
      hint: 'Run `nx g @fx/adr-nx:init`, or set the plugin option adrDirectory in nx.json to where your ADRs are.',
    });
    return result;
  }
  for (const name of names.filter(isAdrCandidate).sort()) {
    const path = `${dir}/${name}`;
    const fail = (message: string, hint: string) =>
      result.diagnostics.push({ file: path, line: 1, column: 1, severity: 'error', code: 'file/unreadable', message, hint });
    try {
      const size = source.size?.(path);
      if (size !== undefined && size > MAX_ADR_BYTES) {
        fail(`the file is ${(size / 1024 / 1024).toFixed(1)} MB; an ADR is at most ${MAX_ADR_BYTES / 1024 / 1024} MB of prose`, 'Move large material (logs, data, images) out of the ADR and link to it.');
        continue;
      }
      const text = source.read(path);
      if (options.select && !options.select(text)) continue;
      result.adrs.push(parseAdr(text, path));
    } catch (error) {
      fail(`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'Check the file permissions (it must be readable by the user running Nx).');
    }
  }
  result.adrs.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || a.fileName.localeCompare(b.fileName));
  return result;
}
