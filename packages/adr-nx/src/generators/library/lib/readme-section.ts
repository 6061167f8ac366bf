import type { Tree } from '@nx/devkit';
import { posix } from 'node:path';
import { constraintsFor } from '../../../policy/dependency-constraints';
import { globMatcher } from '../../../policy/patterns';
import type { Policy, PolicySource } from '../../../policy/types';

const quote = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(', ');

/** Whether a restrictedSyntax entry's `files` globs can reach the library's sources. */
function reaches(files: readonly string[] | undefined, projectRoot: string): boolean {
  if (!files || files.length === 0) return true;
  const samples = [`${projectRoot}/src/index.ts`, `${projectRoot}/src/lib/${posix.basename(projectRoot)}.ts`];
  return files.some((glob) => {
    const match = globMatcher(glob);
    return !(match instanceof Error) && samples.some((s) => match(s));
  });
}

/** What each accepted ADR asks of this library, from the policy (the same data lint and adr-check use). */
export function requirementsByAdr(policy: Policy, tags: readonly string[], projectRoot: string): Map<string, { adr: PolicySource; asks: string[] }> {
  const out = new Map<string, { adr: PolicySource; asks: string[] }>();
  const add = (adr: PolicySource, ask: string) => {
    const entry = out.get(adr.id) ?? { adr, asks: [] };
    if (!entry.asks.includes(ask)) entry.asks.push(ask);
    out.set(adr.id, entry);
  };
  for (const r of policy.requiredTags) add(r.adr, `a tag matching \`${r.pattern}\``);
  for (const r of policy.requiredTargets) add(r.adr, `a \`${r.target}\` target`);
  for (const c of constraintsFor(tags, policy.dependencyConstraints)) {
    if (c.onlyDependOnLibsWithTags) add(c.adr, c.onlyDependOnLibsWithTags.length ? `depends only on libraries tagged ${quote(c.onlyDependOnLibsWithTags)}` : 'depends on no tagged library');
    if (c.notDependOnLibsWithTags?.length) add(c.adr, `never depends on libraries tagged ${quote(c.notDependOnLibsWithTags)}`);
    if (c.allowedExternalImports) add(c.adr, `imports only the npm packages ${quote(c.allowedExternalImports)}`);
    if (c.bannedExternalImports?.length) add(c.adr, `does not import ${quote(c.bannedExternalImports)}`);
  }
  for (const b of policy.bannedImports) add(b.adr, `does not import \`${b.name}\`${b.use ? ` (use \`${b.use}\`)` : ''}`);
  for (const s of policy.restrictedSyntax) if (reaches(s.files, projectRoot)) add(s.adr, s.message ?? `no code matching \`${s.selector}\``);
  return out;
}

export const README_HEADING = '## Architecture decisions';

/** Appends the section listing the ADRs that apply to the library (README created when missing). */
export function addReadmeSection(tree: Tree, projectRoot: string, projectName: string, adrDirectory: string, policy: Policy, tags: readonly string[]): void {
  const path = `${projectRoot}/README.md`;
  const current = tree.exists(path) ? (tree.read(path, 'utf-8') ?? '') : `# ${projectName}\n`;
  if (current.includes(README_HEADING)) return;
  const toAdrs = posix.relative(projectRoot, adrDirectory) || '.';
  const rows = [...requirementsByAdr(policy, tags, projectRoot).values()]
    .sort((a, b) => (a.adr.number ?? 0) - (b.adr.number ?? 0))
    .map(({ adr, asks }) => `| [${adr.id}](${posix.relative(projectRoot, adr.path)}) | ${adr.title.replace(/\|/g, '\\|')} | ${asks.join('; ')} |`);
  const lines = [
    README_HEADING,
    '',
    `This library was generated to comply with the accepted ADRs in [${adrDirectory}](${toAdrs}/README.md); \`nx lint\` and \`nx run ${projectName}:adr-check\` keep it that way.`,
    '',
    ...(rows.length
      ? ['These apply to it directly:', '', '| ADR | Decision | What it asks of this library |', '| --- | --- | --- |', ...rows]
      : ['None of them has enforcement that applies to this library yet.']),
    '',
  ];
  tree.write(path, `${current.replace(/\n*$/, '\n')}\n${lines.join('\n')}`);
}
