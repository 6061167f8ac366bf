/** The next free ADR number: one more than the highest in use; 1 in an empty folder (0000 is the meta-ADR). */
export function nextAdrNumber(numbersInUse: Iterable<number | null>): number {
  let max = 0;
  for (const n of numbersInUse) if (n !== null && n > max) max = n;
  const next = max + 1;
  if (next > 9999) throw new Error('ADR numbers are four digits and 9999 is taken: split the ADR folder.');
  return next;
}
