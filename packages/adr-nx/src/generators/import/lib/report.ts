import { formatAdrId, type ImportNote, type ImportPlan } from '../../../adr';

const noteLine = (n: ImportNote) => `  ${n.file}:${n.line}: ${n.message}${n.hint ? `\n      ${n.hint}` : ''}`;

/** The error thrown when a plan has errors: every problem at once, and the promise that nothing was written. */
export function formatImportErrors(plan: ImportPlan, source: string): string {
  const errors = plan.notes.filter((n) => n.level === 'error');
  return [`Cannot import ${source}; nothing was written:`, ...errors.map(noteLine)].join('\n');
}

/** What the import did (or, with --dry-run, would do): one line per ADR, then what could not be mapped. */
export function formatImportReport(plan: ImportPlan, source: string, target: string): string {
  const formats = [...new Set(plan.adrs.map((a) => a.format))].join(', ');
  const infos = new Map<string, string[]>();
  for (const n of plan.notes.filter((x) => x.level === 'info')) infos.set(n.file, [...(infos.get(n.file) ?? []), n.message]);
  const lines = [
    `Import ${plan.adrs.length} ADR(s) from ${source} (${formats}) into ${target}, numbers ${plan.numbering === 'keep' ? 'kept' : 'appended after the highest'}:`,
  ];
  for (const adr of plan.adrs) {
    const was = adr.sourceNumber !== null && adr.sourceNumber !== adr.number ? ` (was ${formatAdrId(adr.sourceNumber)})` : '';
    lines.push(`  ${formatAdrId(adr.number)}${was} ${adr.fileName}  ${String(adr.frontMatter.status)}  <- ${adr.source.split('/').pop()}`);
    for (const info of infos.get(adr.source) ?? []) lines.push(`      ${info}`);
  }
  if (plan.assets.length) lines.push(`Copied beside them: ${plan.assets.map((a) => a.from).join(', ')}`);
  if (plan.skipped.length) lines.push(`Skipped: ${plan.skipped.map((s) => `${s.file.split('/').pop()} (${s.reason})`).join(', ')}`);
  const warnings = plan.notes.filter((n) => n.level === 'warning');
  if (warnings.length) lines.push(`Could not map (${warnings.length}); imported, please review:`, ...warnings.map(noteLine));
  if (plan.numbering === 'append' && plan.adrs.some((a) => a.sourceNumber !== null && a.sourceNumber !== a.number)) {
    lines.push('Numbers changed: links between the imported ADRs were rewritten (numbers in their labels too); numbers written in prose were left as they were.');
  }
  return lines.join('\n');
}
