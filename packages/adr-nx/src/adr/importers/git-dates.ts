import { execFileSync } from 'node:child_process';
import { basename, dirname } from 'node:path';

/**
 * The day git first recorded a file (YYYY-MM-DD), following renames; null when the file is not
 * in a git repository or git is not installed. Used for ADRs that carry no date of their own.
 */
export function gitDateAdded(absolutePath: string): string | null {
  try {
    const out = execFileSync('git', ['log', '--follow', '--diff-filter=A', '--format=%as', '--', basename(absolutePath)], {
      cwd: dirname(absolutePath),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
    const dates = out.trim().split('\n').filter((l) => /^\d{4}-\d{2}-\d{2}$/.test(l));
    return dates.length ? dates[dates.length - 1] : null;
  } catch {
    return null;
  }
}
