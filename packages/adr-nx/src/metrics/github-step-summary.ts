import { appendFileSync } from 'node:fs';

/**
 * Appends Markdown to the GitHub Actions job summary ($GITHUB_STEP_SUMMARY). Returns the file
 * written, or null outside GitHub Actions or when the file cannot be written (a summary is a
 * nicety: it never fails the step).
 */
export function appendStepSummary(markdown: string, env: Record<string, string | undefined> = process.env): string | null {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return null;
  try {
    appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    return file;
  } catch {
    return null;
  }
}
