/**
 * "Did you mean …": the allowed values nearest to a mistyped one. Pure; used by the components'
 * argument checks and by the stack config's messages alike.
 */

/** Edit distance with adjacent transpositions (optimal string alignment): "platfrom" is 1 from "platform". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const commonPrefix = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * How far a candidate is from the value: 0 equal (ignoring case), 1 when one begins or ends the
 * other ("production" and "prod", "perAz" and "onePerAz"), else the edit distance.
 */
function distance(value: string, candidate: string): number {
  const [v, c] = [value.toLowerCase(), candidate.toLowerCase()];
  if (v === c) return 0;
  const partOf = (a: string, b: string) => b.startsWith(a) || b.endsWith(a);
  if (Math.min(v.length, c.length) >= 3 && (partOf(v, c) || partOf(c, v))) return 1;
  return editDistance(v, c);
}

/** The nearest candidates, best first: equally near ones together, ties broken by the longer common prefix. */
function ranked(value: string, candidates: readonly string[], limit: number, within: number): string[] {
  const scored = [...new Set(candidates)]
    .map((c) => ({ c, d: distance(value, c), p: commonPrefix(value.toLowerCase(), c.toLowerCase()) }))
    .filter((s) => s.d <= within)
    .sort((x, y) => x.d - y.d || y.p - x.p || x.c.localeCompare(y.c));
  if (scored.length === 0) return [];
  const best = scored.filter((s) => s.d === scored[0].d);
  const top = best.filter((s) => s.p === best[0].p);
  return top.slice(0, limit).map((s) => s.c);
}

/**
 * Candidates close enough to be what the user meant: within about a third of the value's length
 * (at least 2 edits), the nearest ones only, at most `limit`.
 */
export function didYouMean(value: string, candidates: readonly string[], limit = 2): string[] {
  return ranked(value, candidates, limit, Math.max(2, Math.ceil(value.length / 3)));
}

/**
 * For names made of a family and a size ("t3.large", "db.r6g.xlarge", "cache.t4g.small"): a size of
 * the same family when the family exists (however far the size is: "t3.mega" is a t3 of some size),
 * else the nearest name overall.
 */
export function didYouMeanSized(value: string, candidates: readonly string[], limit = 2): string[] {
  const family = value.slice(0, value.lastIndexOf("."));
  const sameFamily = family ? candidates.filter((c) => c.startsWith(`${family}.`)) : [];
  return sameFamily.length > 0 ? ranked(value, sameFamily, limit, Infinity) : didYouMean(value, candidates, limit);
}

/** `did you mean "a" or "b"?`, or undefined when nothing is near. */
export function suggestionText(suggestions: readonly string[]): string | undefined {
  if (suggestions.length === 0) return undefined;
  return `did you mean ${suggestions.map((s) => JSON.stringify(s)).join(" or ")}?`;
}
