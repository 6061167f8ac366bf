/** Lifecycle states of an ADR, in the order a decision usually moves through them. */
export const ADR_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type AdrStatus = (typeof ADR_STATUSES)[number];

export interface BannedImport {
  name: string;
  use?: string;
  message?: string;
}

export interface DependencyConstraint {
  sourceTag?: string;
  allSourceTags?: string[];
  onlyDependOnLibsWithTags?: string[];
  notDependOnLibsWithTags?: string[];
  allowedExternalImports?: string[];
  bannedExternalImports?: string[];
}

export interface RestrictedSyntax {
  selector: string;
  message?: string;
  files?: string[];
}

export interface Enforcement {
  bannedImports?: BannedImport[];
  dependencyConstraints?: DependencyConstraint[];
  restrictedSyntax?: RestrictedSyntax[];
  requiredTags?: string[];
  requiredTargets?: string[];
}

/** The front-matter keys this package knows (MADR 4 keys plus ours); others are kept as they are. */
export interface AdrFrontMatter {
  status?: AdrStatus | string;
  date?: string;
  'decision-makers'?: string[];
  consulted?: string[];
  informed?: string[];
  tags?: string[];
  supersedes?: number[];
  'superseded-by'?: number;
  discussion?: string;
  enforcement?: Enforcement;
  [key: string]: unknown;
}

export type Severity = 'error' | 'warning';

/** One finding about one place in one file. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable machine-readable id, e.g. `front-matter/schema`. */
  code: string;
  message: string;
  /** What the user should do about it. */
  hint?: string;
}

export interface Heading {
  depth: number;
  text: string;
  line: number;
  column: number;
}

/** A parsed ADR file. Always produced, even from broken input: see `diagnostics`. */
export interface AdrDocument {
  /** Workspace-relative (or caller-relative) path with forward slashes. */
  path: string;
  fileName: string;
  /** Number from the file name (`0007-x.md` -> 7), or null when the name carries none. */
  number: number | null;
  /** `ADR-0007`, or the file name when there is no number. */
  id: string;
  /** Plain text of the single H1, or null. */
  title: string | null;
  status: string | null;
  date: string | null;
  frontMatter: AdrFrontMatter;
  /** Whether the file had a front-matter block at all. */
  hasFrontMatter: boolean;
  /** Raw YAML of the front-matter block (without fences). */
  frontMatterText: string;
  /** 1-based line in the file where the front-matter YAML starts (the line after `---`). */
  frontMatterLine: number;
  /** Markdown after the front-matter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  headings: Heading[];
  /** Relative markdown links found in the body, with their positions in the file. */
  links: Array<{ url: string; line: number; column: number }>;
  diagnostics: Diagnostic[];
}

export function formatAdrId(n: number): string {
  return `ADR-${String(n).padStart(4, '0')}`;
}
