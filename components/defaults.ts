/**
 * How a component fills the Args fields its caller left out. Pure.
 */

/**
 * `defaults`, with each field `given` sets in its place. A field given as `undefined` keeps its
 * default, so `{ minSize: maybe }` never erases one; objects are replaced whole, not merged.
 */
export function withDefaults<S extends object>(defaults: S, given: Partial<S>): S {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as Array<keyof S>) {
    if (given[key] !== undefined) out[key] = given[key] as S[keyof S];
  }
  return out;
}
