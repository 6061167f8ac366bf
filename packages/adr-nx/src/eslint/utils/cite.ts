/** What a message needs to cite an ADR. Policy sources and ADR documents both have it. */
export interface CitedAdr {
  id: string;
  number: number | null;
  title: string | null;
  /** Workspace-relative path of the ADR file. */
  path: string;
}

const PLACEHOLDER = /\{(file|path|id|number)\}/g;

/**
 * Where a message points for an ADR: its workspace path, or a URL built from `adrBaseUrl`,
 * either a template (`https://backstage.example.com/catalog/default/component/web/adrs?record={file}`)
 * or a base the file name is appended to (`.../adrs?record=` or `https://github.com/o/r/blob/main/docs/adr/`).
 */
export function adrLink(adr: CitedAdr, adrBaseUrl?: string): string {
  if (!adrBaseUrl) return adr.path;
  const file = adr.path.split('/').pop() ?? adr.path;
  if (/\{(file|path|id|number)\}/.test(adrBaseUrl)) {
    const values: Record<string, string> = {
      file: encodeURIComponent(file),
      path: adr.path.split('/').map(encodeURIComponent).join('/'),
      id: adr.id,
      number: adr.number === null ? '' : String(adr.number).padStart(4, '0'),
    };
    return adrBaseUrl.replace(PLACEHOLDER, (_, key: string) => values[key]);
  }
  const joiner = /[/=#?&]$/.test(adrBaseUrl) ? '' : '/';
  return `${adrBaseUrl}${joiner}${encodeURIComponent(file)}`;
}

/** `ADR-0007 "Use structured logging" (docs/adr/0007-use-structured-logging.md)`: how every message cites an ADR. */
export function citeAdr(adr: CitedAdr, adrBaseUrl?: string): string {
  return `${adr.id} "${adr.title ?? adr.path.split('/').pop()}" (${adrLink(adr, adrBaseUrl)})`;
}
