import type { Diagnostic } from '../adr/types';
import type { PolicySource } from '../policy/types';

/** A diagnostic of adr-check: about an ADR document, or about a project and the ADR it breaks. */
export interface Finding extends Diagnostic {
  /** The project a compliance finding is about. */
  project?: string;
  /** The ADR whose enforcement the project breaks. */
  adr?: PolicySource;
  /** From a proposed ADR: what accepting it would break ("if accepted"); always a warning. */
  preview?: boolean;
  /** How `adr-check --fix` repairs it, when the repair is mechanical. */
  fix?: Fix;
}

/** Mechanical repairs, applied through the ADR model by `applyFixes`. */
export type Fix =
  | { kind: 'normalize-text'; path: string }
  | { kind: 'mark-superseded'; path: string; by: { number: number; title: string; path: string } }
  | { kind: 'add-supersedes'; path: string; number: number }
  | { kind: 'decision-log'; path: string };

/** File, then line, then column: the order people read a report in. */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
