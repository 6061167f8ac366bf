export interface AdrGeneratorSchema {
  title: string;
  status?: string;
  date?: string;
  decisionMakers?: string | string[];
  consulted?: string | string[];
  informed?: string | string[];
  tags?: string | string[];
  supersedes?: number;
  discussion?: string;
  template?: string;
  directory?: string;
  skipFormat?: boolean;
}
