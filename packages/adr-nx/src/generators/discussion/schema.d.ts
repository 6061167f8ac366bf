export interface DiscussionGeneratorSchema {
  /** A `gh api graphql` JSON export of a GitHub Discussion, or a markdown file. */
  from: string;
  /** Title of the ADR (default: the discussion's title). */
  title?: string;
  decisionMakers?: string | string[];
  tags?: string | string[];
  date?: string;
  directory?: string;
  skipFormat?: boolean;
}
