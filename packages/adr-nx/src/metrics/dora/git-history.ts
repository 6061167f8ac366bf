import { execFileSync } from 'node:child_process';
import type { Commit } from './types';
import { DoraInputError, ShallowCloneError } from './errors';

const FIELD = '\x1f';
const RECORD = '\x1e';
const REVERT = /This reverts commit ([0-9a-f]{7,40})/;

/** Runs git in `root` and returns stdout; a failure names the command and git's own message. */
export function git(root: string, args: string[], input?: string): string {
  try {
    return execFileSync('git', args, {
      cwd: root,
      input,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new DoraInputError('git is not installed or not on PATH: the dora executor reads history with git.');
    throw new Error(`git ${args[0]} failed in ${root}: ${(e.stderr ?? e.message).trim()}`);
  }
}

/**
 * Checks that `root` is inside a git work tree with its full history. A shallow clone would
 * silently make every first deployment look like it shipped only the last commit.
 */
export function assertFullHistory(root: string): void {
  let out: string;
  try {
    out = execFileSync('git', ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new DoraInputError('git is not installed or not on PATH: the dora executor reads history with git.');
    throw new DoraInputError(
      `${root} is not inside a git repository (${(e.stderr ?? '').trim() || 'git rev-parse failed'}). ` +
        'Run dora from a git clone of the workspace, or pass --events with deployments and incidents and --deploymentSource=events.',
    );
  }
  const [, shallow] = out.trim().split('\n');
  if (shallow === 'true') {
    throw new ShallowCloneError(
      `${root} is a shallow clone: commits older than its depth are missing, so changes and lead times would be wrong. ` +
        'Fetch the whole history first: `git fetch --unshallow --tags`, or in GitHub Actions use actions/checkout with `fetch-depth: 0`.',
    );
  }
}

export interface TagRef {
  name: string;
  /** The commit the tag points at (annotated tags peeled). */
  sha: string;
  /** Tagger date for annotated tags, committer date of the commit for lightweight ones, epoch ms. */
  time: number;
  annotated: boolean;
}

/** Every tag of the repository in one `git for-each-ref`. Tags on trees or blobs are skipped. */
export function readTags(root: string): TagRef[] {
  const format = ['%(refname:lstrip=2)', '%(objecttype)', '%(objectname)', '%(*objecttype)', '%(*objectname)', '%(creatordate:unix)'].join('%1f');
  const out = git(root, ['for-each-ref', `--format=${format}`, 'refs/tags']);
  const tags: TagRef[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name, type, sha, peeledType, peeledSha, date] = line.split(FIELD);
    const annotated = type === 'tag';
    if ((annotated ? peeledType : type) !== 'commit') continue;
    tags.push({ name, sha: annotated ? peeledSha : sha, time: Number(date) * 1000, annotated });
  }
  return tags;
}

/** Commits of `ref`'s first-parent chain (what landed on the branch, in order), oldest first. */
export function readFirstParentChain(root: string, ref: string): { sha: string; time: number }[] {
  const out = git(root, ['log', '--first-parent', '--reverse', '--format=%H%x1f%ct', ref, '--']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, time] = line.split(FIELD);
      return { sha, time: Number(time) * 1000 };
    });
}

/**
 * Resolves commit names (full or abbreviated shas, from events) to full shas of commits present in
 * the repository, in one `git cat-file --batch-check`. Names that are missing are left out.
 */
export function resolveCommits(root: string, names: Iterable<string>): Map<string, string> {
  const list = [...new Set(names)];
  const resolved = new Map<string, string>();
  if (list.length === 0) return resolved;
  const out = git(root, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], list.join('\n') + '\n');
  out.split('\n').forEach((line, i) => {
    const [sha, type] = line.split(' ');
    if (type === 'commit' && i < list.length) resolved.set(list[i], sha);
  });
  return resolved;
}

/**
 * THE one history pass: every commit reachable from `tips` and not from `exclude`, read by a
 * single `git log` (revisions on stdin, so thousands of tags never hit the argument limit).
 */
export function readCommits(root: string, tips: Iterable<string>, exclude: Iterable<string> = []): Map<string, Commit> {
  const revisions = [...new Set(tips)];
  const commits = new Map<string, Commit>();
  if (revisions.length === 0) return commits;
  const input = [...revisions, ...[...new Set(exclude)].map((sha) => `^${sha}`)].join('\n') + '\n';
  const out = git(root, ['-c', 'log.showSignature=false', 'log', '--stdin', `--format=%H%x1f%P%x1f%ct%x1f%b%x1e`, '--'], input);
  for (const record of out.split(RECORD)) {
    const text = record.startsWith('\n') ? record.slice(1) : record;
    if (!text) continue;
    const [sha, parents, time, body] = text.split(FIELD);
    commits.set(sha, {
      sha,
      parents: parents ? parents.split(' ') : [],
      time: Number(time) * 1000,
      revertOf: REVERT.exec(body ?? '')?.[1] ?? null,
    });
  }
  return commits;
}
