import type { AdrStatus } from '../types';

export interface MappedStatus {
  status: AdrStatus;
  /** For "Superseded by [x](0015-x.md)" / "superseded by ADR-0015": the link URL or number text. */
  supersededBy?: string;
  /** True when the wording says more than the enum value keeps ("Approved", "on hold", "Partly superseded"). */
  lossy: boolean;
}

// Free-text statuses seen in real ADR folders, by the word they start with. Order matters: the
// first pattern that matches the start of the (lowercased, markup-free) text wins.
const WORDS: Array<[RegExp, AdrStatus]> = [
  // Partly superseded: the rest is still in force, and there is no single successor.
  [/^(partly|partially|in part)\s+(superseded|superceded|replaced)\b/, 'accepted'],
  [/^(superseded|superceded|replaced)\b/, 'superseded'],
  [/^(accepted|approved|agreed|adopted|decided|done|implemented|active|in effect|valid)\b/, 'accepted'],
  [/^(proposed|proposal|pending|draft|open|in review|under review|review|in progress|wip|on hold|postponed|deferred|suggested|new|undecided|tbd)\b/, 'proposed'],
  [/^(rejected|declined|refused|not accepted|abandoned|withdrawn|dismissed)\b/, 'rejected'],
  [/^(deprecated|obsolete|retired|discontinued|outdated|archived)\b/, 'deprecated'],
];

/** Removes markdown emphasis, list markers and trailing punctuation from a status line. */
export function plainStatusText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s*[*-]\s+/, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]$/, '');
}

/** The target of "Superseded by ...": a markdown link URL, else `ADR-0015` / `#15` / `15`. */
function successorOf(text: string): string | undefined {
  const link = /\]\(\s*<?([^)\s>]+)>?/.exec(text);
  if (link) return link[1];
  const number = /\bby\s+(?:ADR[-\s#]*)?#?(\d{1,4})\b/i.exec(text);
  return number ? String(Number(number[1])) : undefined;
}

/**
 * Maps a free-text status ("PROPOSED", "Approved", "Superseded by [DNS](0015-dns.md)", "on hold")
 * to the status enum; null when nothing in the table fits.
 */
export function mapStatus(text: string): MappedStatus | null {
  const plain = plainStatusText(text);
  const lower = plain.toLowerCase();
  for (const [pattern, status] of WORDS) {
    if (!pattern.test(lower)) continue;
    const mapped: MappedStatus = { status, lossy: lower !== status };
    if (status === 'superseded') {
      mapped.supersededBy = /^(superseded|superceded|replaced)\s+by\b/.test(lower) ? successorOf(text) : undefined;
      // "Superseded by X" says nothing the front-matter and the kept link do not.
      mapped.lossy = !/^(superseded|superceded)(\s+by\b.*)?$/.test(lower);
    }
    return mapped;
  }
  return null;
}
