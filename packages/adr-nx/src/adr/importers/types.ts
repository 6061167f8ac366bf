/** The source formats the importer understands (see detect.ts for how a file is recognised). */
export const IMPORT_FORMATS = ['nygard', 'madr-list', 'madr4', 'log4brains', 'unknown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A value read from a source file, with the line it came from (1-based, in the source file). */
export interface Located<T> {
  value: T;
  line: number;
}

/**
 * What a format reader takes out of one source file, before statuses, dates and numbers are
 * mapped to the canonical format. Readers only move metadata out of the body; they never map it.
 */
export interface ReadSource {
  format: ImportFormat;
  /** Plain title from the H1, with any `N.` number prefix removed; null when the file has no H1. */
  title: Located<string> | null;
  status: Located<string> | null;
  date: Located<string> | null;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  tags: string[];
  /** Targets (link URLs, `ADR-0012`, `12`) this file says it supersedes. */
  supersedes: Array<Located<string>>;
  /** Front-matter keys the format carried that are not mapped above (kept as they are). */
  extraFrontMatter: Record<string, unknown>;
  /** The markdown body with the metadata the front-matter now holds taken out. */
  body: string;
  /** Problems only the reader can see (invalid YAML, a metadata line it could not read). */
  problems: Array<{ line: number; severity: 'error' | 'warning'; message: string; hint?: string }>;
}

export function emptyRead(format: ImportFormat, body: string): ReadSource {
  return {
    format,
    title: null,
    status: null,
    date: null,
    decisionMakers: [],
    consulted: [],
    informed: [],
    tags: [],
    supersedes: [],
    extraFrontMatter: {},
    body,
    problems: [],
  };
}
