/**
 * How a component turns its Args into settings: the caller's value where one is given, the
 * component's default otherwise, then every problem with the result reported at once. Pure.
 */

/**
 * Every settings field of `defaults`, taken from `given` where it is set (not undefined). Shallow: a
 * nested object the caller gives replaces the default object whole. Keys that are not settings
 * (vpcId, subnetIds, ...) are not copied.
 */
export function withDefaults<S extends object>(defaults: S, given: Partial<S>): S {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof S)[]) {
    if (given[key] !== undefined) out[key] = given[key] as S[keyof S];
  }
  return out;
}

/** One problem with an argument: the field, the value given, and what is allowed. */
export function problem(field: string, value: unknown, allowed: string): string {
  return `${field}: got ${JSON.stringify(value)}; allowed: ${allowed}`;
}

/** A problem unless `value` is an integer from `min` to `max`; `rule` says whose rule that is. */
export function intRange(field: string, value: number, min: number, max: number, rule: string): string[] {
  return Number.isInteger(value) && value >= min && value <= max ? [] : [problem(field, value, `an integer from ${min} to ${max} (${rule})`)];
}

/** Throws one error listing every problem, before the component registers anything. */
export function assertNoProblems(component: string, problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(`${component}: ${problems.join("; ")}`);
}
