/**
 * How a component reports what is wrong with its settings once they are filled in (withDefaults,
 * defaults.ts): every problem at once, each naming the field, the value and what is allowed. Pure.
 */
import { LOG_RETENTION_RULE, isLogRetention } from "./logs";

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
  return isLogRetention(days) ? [] : [problem(field, days, LOG_RETENTION_RULE)];
}

/** Throws one error listing every problem, before the component registers anything. */
export function assertNoProblems(component: string, problems: readonly SettingProblem[]): void {
  if (problems.length > 0) throw new Error(`${component}: ${problems.map(formatProblem).join("; ")}`);
}
