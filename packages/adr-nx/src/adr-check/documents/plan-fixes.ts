import { applyDecisionLog } from '../../adr/decision-log';
import { readAdrDirectory } from '../../adr/directory';
import type { FileSource } from '../../adr/file-source';
import { normalizeAdrText, updateFrontMatterInText } from '../../adr/render';
import { parseAdr } from '../../adr/parse';
import { markSupersededInText } from '../../adr/workspace-writer';
import type { Finding, Fix } from '../findings';

export interface FileWrite {
  path: string;
  text: string;
}

// Text first (so YAML edits see LF), then front-matter edits, then the log built from the result.
const ORDER: Record<Fix['kind'], number> = { 'normalize-text': 0, 'mark-superseded': 1, 'add-supersedes': 1, 'decision-log': 2 };

/**
 * The files `--fix` rewrites, computed through the ADR model, nothing written yet. Each file is
 * written at most once; a fix whose result would not parse cleanly is dropped.
 */
export function planFixes(source: FileSource, dir: string, findings: readonly Finding[]): FileWrite[] {
  const fixes = findings.map((f) => f.fix).filter((f): f is Fix => f !== undefined).sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const texts = new Map<string, string>();
  const textOf = (path: string): string | null => {
    if (texts.has(path)) return texts.get(path) as string;
    try {
      return source.exists(path) ? source.read(path) : null;
    } catch {
      return null;
    }
  };
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.kind === 'decision-log') {
      // Re-read the ADRs with the fixes above applied, so the log shows their final state.
      // readCapped would bypass the override and read the unfixed file from disk.
      const fixed: FileSource = { ...source, readCapped: undefined, read: (p) => texts.get(p) ?? source.read(p) };
      const adrs = readAdrDirectory(fixed, dir).adrs;
      const next = applyDecisionLog(textOf(fix.path), adrs);
      if (next !== textOf(fix.path)) texts.set(fix.path, next);
      continue;
    }
    const text = textOf(fix.path);
    if (text === null) continue;
    let next = text;
    if (fix.kind === 'normalize-text') next = normalizeAdrText(text);
    if (fix.kind === 'mark-superseded') next = markSupersededInText(text, fix.by);
    if (fix.kind === 'add-supersedes') {
      const current = parseAdr(text, fix.path).frontMatter.supersedes;
      const list = Array.isArray(current) ? current.filter((n): n is number => Number.isInteger(n)) : [];
      next = updateFrontMatterInText(text, { supersedes: [...new Set([...list, fix.number])].sort((a, b) => a - b) });
    }
    const before = parseAdr(text, fix.path).diagnostics.filter((d) => d.severity === 'error').length;
    const after = parseAdr(next, fix.path).diagnostics.filter((d) => d.severity === 'error').length;
    if (after <= before) texts.set(fix.path, next);
  }
  return [...texts].map(([path, text]) => ({ path, text }));
}
