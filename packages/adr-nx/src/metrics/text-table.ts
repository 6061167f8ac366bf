/** Plain-text and Markdown tables for terminal output and GitHub job summaries (report-timings, dora). */

export type Cell = string | number;
export type Align = 'left' | 'right';

function alignments(rows: Cell[][], align: Align[] | undefined, width: number): Align[] {
  return Array.from({ length: width }, (_, i) => align?.[i] ?? (rows.length > 0 && rows.every((r) => typeof r[i] === 'number') ? 'right' : 'left'));
}

/** Columns padded to their widest cell; numbers right-aligned unless `align` says otherwise. */
export function textTable(headers: string[], rows: Cell[][], align?: Align[]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const aligns = alignments(rows, align, headers.length);
  const line = (r: string[]) =>
    r
      .map((c, i) => (aligns[i] === 'right' ? (c ?? '').padStart(widths[i]) : (c ?? '').padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** GitHub-flavoured Markdown table; `|` and newlines in cells are escaped so a value cannot break the table. */
export function markdownTable(headers: string[], rows: Cell[][], align?: Align[]): string {
  const esc = (c: Cell) => String(c).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const aligns = alignments(rows, align, headers.length);
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${aligns.map((a) => (a === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
