import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where compliance findings about one project point: its configuration file, at the right line. */
export interface ProjectLocation {
  /** Workspace-relative path of project.json (or package.json when there is none). */
  file: string;
  /** Position of the first `"needle"` (a JSON key or string) in the project's config files. */
  find(needle: string): { file: string; line: number; column: number };
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function positionOf(text: string, needle: string): { line: number; column: number } | null {
  const at = text.indexOf(`"${needle}"`);
  if (at < 0) return null;
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Reads the project's project.json and package.json once, to point findings at the lines that matter. */
export function projectLocation(workspaceRoot: string, projectRoot: string): ProjectLocation {
  const rel = (name: string) => (projectRoot === '.' || projectRoot === '' ? name : `${projectRoot}/${name}`);
  const files = ['project.json', 'package.json']
    .map((name) => ({ file: rel(name), text: readText(join(workspaceRoot, rel(name))) }))
    .filter((f): f is { file: string; text: string } => f.text !== null);
  const file = files[0]?.file ?? rel('project.json');
  return {
    file,
    find(needle) {
      for (const f of files) {
        const pos = positionOf(f.text, needle);
        if (pos) return { file: f.file, ...pos };
      }
      return { file, line: 1, column: 1 };
    },
  };
}
