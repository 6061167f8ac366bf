export interface AdrCheckExecutorSchema {
  adrDirectory?: string;
  documents?: boolean;
  format?: 'text' | 'json';
  fix?: boolean;
  preview?: boolean;
}
