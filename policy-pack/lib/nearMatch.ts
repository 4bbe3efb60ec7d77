/**
 * The near match a violation offers ("did you mean s3:GetObject?"): the candidate closest to a
 * misspelt name by edit distance, compared case-insensitively, as IAM compares action names and
 * condition keys.
 */

/** Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `word` (ignoring case), if it is near enough to be a plausible
 * misspelling: at most a third of the word's length apart, and at least one edit (a candidate
 * equal but for case is a near match too). Ties go to the first candidate.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d <= limit && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

/** " (did you mean X?)" for a near match, or "". */
export const didYouMean = (near: string | undefined): string => (near ? ` (did you mean ${near}?)` : "");
