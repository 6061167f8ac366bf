import { frontMatterPosition } from '../../adr/locate';
import { formatAdrId, type AdrDocument } from '../../adr/types';
import type { Finding } from '../findings';

const isAdrNumber = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function supersededBy(adr: AdrDocument): number | undefined {
  const by = adr.frontMatter['superseded-by'];
  return isAdrNumber(by) ? by : undefined;
}

function supersedes(adr: AdrDocument): number[] {
  const list = adr.frontMatter.supersedes;
  return Array.isArray(list) ? list.filter(isAdrNumber) : [];
}

const ref = (adr: AdrDocument) => ({ number: adr.number as number, title: adr.title ?? adr.fileName, path: adr.path });

/**
 * `status: superseded` and `superseded-by` must go together, and `supersedes`/`superseded-by`
 * must point at existing ADRs, at each other, and never in a circle. Missing back-links carry a
 * fix; contradictions do not (someone has to decide which side is right).
 */
export function checkSupersession(adrs: readonly AdrDocument[]): Finding[] {
  const byNumber = new Map<number, AdrDocument>();
  for (const adr of adrs) if (adr.number !== null && !byNumber.has(adr.number)) byNumber.set(adr.number, adr);
  const findings: Finding[] = [];
  const at = (adr: AdrDocument, path: Array<string | number>) => ({ file: adr.path, ...frontMatterPosition(adr, path) });
  const claimantsOf = (n: number) => adrs.filter((a) => a.number !== null && supersedes(a).includes(n));

  for (const adr of adrs) {
    const by = supersededBy(adr);
    const n = adr.number;

    if (adr.status === 'superseded' && by === undefined) {
      const claimants = n === null ? [] : claimantsOf(n);
      const only = claimants.length === 1 ? claimants[0] : undefined;
      findings.push({
        ...at(adr, ['status']),
        severity: 'error',
        code: 'supersession/missing-superseded-by',
        message: `${adr.id} has status: superseded but no superseded-by`,
        hint: only ? `${only.id} supersedes it: add \`superseded-by: ${only.number}\` (\`adr-check --fix\` does it).` : 'Add `superseded-by: N` with the number of the ADR that replaces it.',
        ...(only ? { fix: { kind: 'mark-superseded' as const, path: adr.path, by: ref(only) } } : {}),
      });
    }

    if (by !== undefined && adr.status !== 'superseded') {
      findings.push({
        ...at(adr, ['superseded-by']),
        severity: 'error',
        code: 'supersession/status',
        message: `${adr.id} has superseded-by: ${by} but status: ${adr.status ?? '(none)'}`,
        hint: 'Set `status: superseded`, or remove `superseded-by` if it is still in force.',
      });
    }

    if (by !== undefined) {
      const target = byNumber.get(by);
      if (by === n) {
        // Reported with the other cycles below.
      } else if (!target) {
        findings.push({ ...at(adr, ['superseded-by']), severity: 'error', code: 'supersession/dangling', message: `superseded-by: ${by} points at no ADR (there is no ${formatAdrId(by)} in this folder)`, hint: 'Use the number of an existing ADR.' });
      } else if (n !== null && !supersedes(target).includes(n)) {
        findings.push({
          ...at(target, ['supersedes']),
          severity: 'error',
          code: 'supersession/not-mutual',
          message: `${adr.id} says it is superseded by ${target.id}, but ${target.id}'s supersedes does not list ${n}`,
          hint: `Add ${n} to supersedes in ${target.path} (\`adr-check --fix\` does it), or correct superseded-by in ${adr.path}.`,
          fix: { kind: 'add-supersedes', path: target.path, number: n },
        });
      }
    }

    supersedes(adr).forEach((old, i) => {
      if (old === n) return; // a cycle, reported below
      const target = byNumber.get(old);
      if (!target) {
        findings.push({ ...at(adr, ['supersedes', i]), severity: 'error', code: 'supersession/dangling', message: `supersedes: ${old} points at no ADR (there is no ${formatAdrId(old)} in this folder)`, hint: 'Use the number of an existing ADR, or remove it from supersedes.' });
        return;
      }
      const targetBy = supersededBy(target);
      if (targetBy === undefined) {
        if (target.status === 'superseded') return; // reported above as missing superseded-by, with this fix
        findings.push({
          ...at(target, ['status']),
          severity: 'error',
          code: 'supersession/not-mutual',
          message: `${adr.id} supersedes ${target.id}, but ${target.id} is not marked superseded (status: ${target.status ?? '(none)'}, no superseded-by)`,
          hint: `Set \`status: superseded\` and \`superseded-by: ${n}\` in ${target.path} (\`adr-check --fix\` does it).`,
          ...(n !== null ? { fix: { kind: 'mark-superseded' as const, path: target.path, by: ref(adr) } } : {}),
        });
      } else if (targetBy !== n) {
        findings.push({
          ...at(adr, ['supersedes', i]),
          severity: 'error',
          code: 'supersession/conflict',
          message: `${adr.id} supersedes ${target.id}, but ${target.id} says it is superseded by ${formatAdrId(targetBy)}`,
          hint: `Decide which ADR replaces ${target.id}; fix supersedes here or superseded-by in ${target.path}.`,
        });
      }
    });
  }
  return [...findings, ...checkCycles(adrs, byNumber)];
}

/** "X is replaced by Y" edges from both keys; every circle is reported once, on its lowest ADR. */
function checkCycles(adrs: readonly AdrDocument[], byNumber: Map<number, AdrDocument>): Finding[] {
  const next = new Map<number, Set<number>>();
  const edge = (from: number, to: number) => {
    if (byNumber.has(from) && byNumber.has(to)) next.set(from, new Set([...(next.get(from) ?? []), to]));
  };
  for (const adr of adrs) {
    if (adr.number === null) continue;
    const by = supersededBy(adr);
    if (by !== undefined) edge(adr.number, by);
    for (const old of supersedes(adr)) edge(old, adr.number);
  }
  const findings: Finding[] = [];
  for (const cycle of stronglyConnected([...byNumber.keys()].sort((a, b) => a - b), (n) => [...(next.get(n) ?? [])])) {
    const first = byNumber.get(cycle[0]) as AdrDocument;
    const ids = cycle.map((n) => formatAdrId(n));
    const pos = frontMatterPosition(first, supersededBy(first) !== undefined ? ['superseded-by'] : ['supersedes']);
    findings.push({
      file: first.path,
      ...pos,
      severity: 'error',
      code: 'supersession/cycle',
      message: cycle.length === 1 ? `${ids[0]} supersedes itself` : `${ids.join(', ')} supersede each other in a circle`,
      hint: 'A decision can only be replaced by a later one: remove the link that points back.',
    });
  }
  return findings;
}

/** Tarjan's algorithm: the groups of nodes on a cycle (self-loops included), members sorted. */
function stronglyConnected(nodes: number[], successors: (n: number) => number[]): number[][] {
  let index = 0;
  const indexOf = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const groups: number[][] = [];
  const visit = (v: number) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of successors(v)) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, indexOf.get(w) as number));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || successors(v).includes(v)) groups.push(group.sort((a, b) => a - b));
    }
  };
  for (const n of nodes) if (!indexOf.has(n)) visit(n);
  return groups.sort((a, b) => a[0] - b[0]);
}
