export interface ImportGeneratorSchema {
  /** Folder holding the ADRs to convert, relative to the workspace root (or absolute). */
  source: string;
  /** ADR folder to write to (default: the plugin's adrDirectory, else docs/adr). */
  directory?: string;
  numbering?: 'auto' | 'keep' | 'append';
  skipFormat?: boolean;
}
