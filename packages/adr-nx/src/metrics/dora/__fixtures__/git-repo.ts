import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real git repository in a temp folder whose commit and tag dates are set by the test
 * (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE; an annotated tag's date is its tagger date).
 */
export class GitRepo {
  readonly root: string;
  private counter = 0;

  constructor(prefix = 'dora-') {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    this.git(['init', '-q', '-b', 'main'], '2020-01-01T00:00:00Z');
  }

  git(args: string[], date = '2020-01-01T00:00:00Z'): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
      cwd: this.root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: this.root },
    }).trim();
  }

  /** A commit changing one file, dated `date`; returns its sha. */
  commit(message: string, date: string): string {
    writeFileSync(join(this.root, `file-${++this.counter}.txt`), `${message}\n`);
    this.git(['add', '-A'], date);
    this.git(['commit', '-q', '-m', message], date);
    return this.git(['rev-parse', 'HEAD']);
  }

  /** Annotated tag when `taggerDate` is given (its date is the deployment time), else lightweight. */
  tag(name: string, sha: string, taggerDate?: string): void {
    if (taggerDate) this.git(['tag', '-a', name, '-m', name, sha], taggerDate);
    else this.git(['tag', name, sha]);
  }

  checkout(ref: string, create = false): void {
    this.git(create ? ['checkout', '-q', '-b', ref] : ['checkout', '-q', ref]);
  }

  /** A merge commit (--no-ff) of `branch` into the current branch, dated `date`. */
  merge(branch: string, date: string): string {
    this.git(['merge', '-q', '--no-ff', '-m', `Merge branch '${branch}'`, branch], date);
    return this.git(['rev-parse', 'HEAD']);
  }

  /** `git revert` of `sha`, dated `date` (message: Revert "..." / This reverts commit <sha>.). */
  revert(sha: string, date: string): string {
    this.git(['revert', '--no-edit', sha], date);
    return this.git(['rev-parse', 'HEAD']);
  }

  write(name: string, text: string): string {
    const path = join(this.root, name);
    writeFileSync(path, text);
    return path;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
