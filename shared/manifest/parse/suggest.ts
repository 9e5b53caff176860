// "did you mean …" from a closed list, by Damerau-Levenshtein distance (optimal string
// alignment: insertions, deletions, substitutions and swaps of neighbours each cost 1).

const MAX_COMPARED_LENGTH = 64;

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  let beforePrevious = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length] as number;
}

/** The candidate closest to `found` (ignoring case), if it is close enough to be a typo. */
export function closestMatch(found: string, candidates: Iterable<string>): string | undefined {
  if (found.length === 0 || found.length > MAX_COMPARED_LENGTH) return undefined;
  const needle = found.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === found) continue;
    if (Math.abs(candidate.length - found.length) >= bestDistance) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(found.length, candidate.length) / 3));
    const overlaps = distance < Math.min(needle.length, candidate.length);
    if (overlaps && distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or '' when nothing is close. */
export function didYouMean(found: string, candidates: Iterable<string>): string {
  const match = closestMatch(found, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
