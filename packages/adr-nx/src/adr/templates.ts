/** MADR 4 bodies. Placeholders: {{title}}. The H1 is always the title (Backstage reads it there). */
export const MINIMAL_TEMPLATE = `# {{title}}

## Context and Problem Statement

{Describe the context and the problem in two or three sentences. Link the discussion.}

## Considered Options

* {title of option 1}
* {title of option 2}

## Decision Outcome

Chosen option: "{title of option 1}", because {justification}.

### Consequences

* Good, because {positive consequence}
* Bad, because {negative consequence}

### Confirmation

{How compliance is confirmed. If the decision can be codified, add an \`enforcement\` block to the
front-matter: \`nx lint\` and \`nx run-many -t adr-check\` then enforce it and cite this ADR.}
`;

export const FULL_TEMPLATE = `# {{title}}

## Context and Problem Statement

{Describe the context and the problem in two or three sentences, or as a question. Link the discussion.}

## Decision Drivers

* {decision driver 1, e.g., a force, facing concern, …}
* {decision driver 2}

## Considered Options

* {title of option 1}
* {title of option 2}
* {title of option 3}

## Decision Outcome

Chosen option: "{title of option 1}", because {justification: only option that meets a k.o. criterion, resolves a force, comes out best}.

### Consequences

* Good, because {positive consequence, e.g., improvement of one or more desired qualities, …}
* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}

### Confirmation

{How the implementation of this decision is confirmed: a review, a test, or an \`enforcement\`
block in the front-matter that \`nx lint\` and \`nx run-many -t adr-check\` enforce.}

## Pros and Cons of the Options

### {title of option 1}

* Good, because {argument a}
* Neutral, because {argument b}
* Bad, because {argument c}

### {title of option 2}

* Good, because {argument a}
* Bad, because {argument b}

## More Information

{Links to related decisions and resources, how the team agreed, when to revisit.}
`;

export const BUILTIN_TEMPLATES = { minimal: MINIMAL_TEMPLATE, full: FULL_TEMPLATE } as const;

/**
 * Fills a template body: `{{title}}` placeholders, and the H1 becomes the title (a team
 * template's `# {short title ...}` line included). Adds an H1 when the template has none.
 */
export function fillTemplate(template: string, title: string): string {
  let body = template.split('{{title}}').join(title);
  if (/^# .*$/m.test(body)) body = body.replace(/^# .*$/m, () => `# ${title}`);
  else body = `# ${title}\n\n${body}`;
  return body;
}

export const META_ADR_TITLE = 'Record architecture decisions';

export const META_ADR_BODY = `# ${META_ADR_TITLE}

## Context and Problem Statement

We make decisions about this codebase's architecture every week: which libraries to use, how
projects may depend on each other, which checks every project must have. Decisions that live in
chat threads and meetings are hard to find, impossible to check, and get made again.

## Considered Options

* Architecture Decision Records in MADR 4 form, in the repository, checked by tooling
* A wiki page per decision
* No written record

## Decision Outcome

Chosen option: "Architecture Decision Records in MADR 4 form", because they are reviewed in pull
requests beside the code, Backstage's ADR plugin shows them as they are, and \`@fx/adr-nx\` can
check them and enforce the ones that can be codified.

* One file per decision in \`docs/adr\`, named \`NNNN-slug.md\`; write one with
  \`nx g @fx/adr-nx:adr "Title"\`.
* Front-matter on the first line: \`status\` (proposed, accepted, rejected, deprecated,
  superseded), \`date\`, \`decision-makers\`, \`consulted\`, \`informed\`, \`tags\`, \`supersedes\`,
  \`superseded-by\`, \`discussion\`.
* The title is the one \`# H1\`. Refer to a decision as \`ADR-0007\`.
* A decision that can be codified gets an \`enforcement\` block (\`bannedImports\`,
  \`dependencyConstraints\`, \`restrictedSyntax\`, \`requiredTags\`, \`requiredTargets\`):
  \`nx lint\` and \`nx run-many -t adr-check\` enforce accepted ADRs and cite them in every error.
* Decisions are not edited away: a new ADR supersedes an old one
  (\`nx g @fx/adr-nx:adr "New title" --supersedes=7\`).

### Confirmation

\`nx run-many -t adr-check\` runs in every pull request and validates every ADR in this folder.
`;
