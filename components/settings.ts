/**
 * How a component turns its Args into settings: the caller's value where one is given, the
 * component's default otherwise, then every problem with the result reported at once. Pure.
 */
import { LOG_RETENTION_DAYS } from "./logs";

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

/**
 * One problem with a setting: its field (a path such as "kafka.brokerCount"), the value given and
 * what is allowed. The stack's config validation prefixes the field with its config key.
 */
export interface SettingProblem {
  field: string;
  value: unknown;
  allowed: string;
}

export const problem = (field: string, value: unknown, allowed: string): SettingProblem => ({ field, value, allowed });

/** "field: got value; allowed: ...", as every component error reads. */
export const formatProblem = (p: SettingProblem): string => `${p.field}: got ${JSON.stringify(p.value)}; allowed: ${p.allowed}`;

/** A problem unless `value` is an integer from `min` to `max`; `rule` says whose rule that is. */
export function intRange(field: string, value: number, min: number, max: number, rule: string): SettingProblem[] {
  return Number.isInteger(value) && value >= min && value <= max ? [] : [problem(field, value, `an integer from ${min} to ${max} (${rule})`)];
}

/** A problem unless `days` is a retention CloudWatch Logs accepts. */
export function logRetentionProblems(field: string, days: number): SettingProblem[] {
  return (LOG_RETENTION_DAYS as readonly number[]).includes(days) ? [] : [problem(field, days, `a CloudWatch Logs retention value: ${LOG_RETENTION_DAYS.join(", ")}`)];
}

/** Throws one error listing every problem, before the component registers anything. */
export function assertNoProblems(component: string, problems: readonly SettingProblem[]): void {
  if (problems.length > 0) throw new Error(`${component}: ${problems.map(formatProblem).join("; ")}`);
}
