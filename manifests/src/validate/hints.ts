/** Suggestions for near misses: `role` → `roles`, `kajo.shedule` → `kajo.schedule`. */

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `value`, if it is close enough to be a plausible typo: at most one edit per three
 * characters (at least one), or a shortening of at least three characters (`bool` → `boolean`). Case differences
 * cost nothing, so `Roles` finds `roles`.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.ceil(value.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const [a, b] = [value.toLowerCase(), candidate.toLowerCase()];
    const distance = editDistance(a, b);
    const shortened = Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a));
    if ((distance <= limit || shortened) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** "did you mean `x`?" for the closest candidate, or undefined. */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const match = closest(value, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
