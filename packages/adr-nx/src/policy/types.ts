import type { BannedImport, DependencyConstraint, Diagnostic, RestrictedSyntax } from '../adr/types';

/** The ADR a policy entry comes from, so every message can cite it (`ADR-0007`, title, path). */
export interface PolicySource {
  /** `ADR-0007` (or the file name when it carries no number). */
  id: string;
  number: number | null;
  title: string;
  /** Path of the ADR file as read (workspace-relative with `/`). */
  path: string;
  status: 'accepted' | 'proposed';
}

/** Where an entry was declared and whether it is only a preview of a proposed ADR. */
export interface PolicyOrigin {
  adr: PolicySource;
  /** True for entries of proposed ADRs: reported as "if accepted" warnings, never errors. */
  preview: boolean;
  /** 1-based position of the entry in the ADR file. */
  line: number;
  column: number;
}

export type BannedImportRule = BannedImport & PolicyOrigin;
export type DependencyConstraintRule = DependencyConstraint & PolicyOrigin;
export type RestrictedSyntaxRule = RestrictedSyntax & PolicyOrigin;
export interface RequiredTagRule extends PolicyOrigin {
  /** Tag pattern: exact tag, `*`, a glob such as `scope:*`, or `/regex/`. */
  pattern: string;
}
export interface RequiredTargetRule extends PolicyOrigin {
  target: string;
}

/** Everything the accepted (and, as previews, the proposed) ADRs ask of the code. */
export interface Policy {
  bannedImports: BannedImportRule[];
  dependencyConstraints: DependencyConstraintRule[];
  restrictedSyntax: RestrictedSyntaxRule[];
  requiredTags: RequiredTagRule[];
  requiredTargets: RequiredTargetRule[];
  /** Entries that could not be turned into rules (bad regex, bad glob, unreadable ADR); they are left out. */
  problems: Diagnostic[];
}

export function emptyPolicy(): Policy {
  return { bannedImports: [], dependencyConstraints: [], restrictedSyntax: [], requiredTags: [], requiredTargets: [], problems: [] };
}

/** `ADR-0007 "Use Prometheus for metrics" (docs/adr/0007-use-prometheus.md)`: how messages cite an ADR. */
export function citeAdr(source: PolicySource, line?: number): string {
  return `${source.id} "${source.title}" (${source.path}${line ? `:${line}` : ''})`;
}
