/**
 * How a component reports what is wrong with its settings once they are filled in (withDefaults,
 * defaults.ts): every problem at once, each naming the field, the value and what is allowed. Pure.
 */
import type { ValueProblem } from "./aws/checks";
import { throwIfProblems } from "./errors";
import { LOG_RETENTION_RULE, isLogRetention } from "./logs";
import { suggestionText } from "./suggest";

/**
 * One problem with a setting: its field (a path such as "kafka.brokerCount"), the value given and
 * what is allowed. The stack's config validation prefixes the field with its config key.
 */
export interface SettingProblem {
  field: string;
  value: unknown;
  allowed: string;
  /** The allowed values nearest to the one given ("did you mean …"), when any is near. */
  suggestions?: readonly string[];
}

export const problem = (field: string, value: unknown, allowed: string, suggestions?: readonly string[]): SettingProblem => ({ field, value, allowed, ...(suggestions?.length ? { suggestions } : {}) });

/** A value AWS does not offer (aws/checks.ts), as a setting problem with its nearest values. */
export const valueProblem = (field: string, value: unknown, p: ValueProblem): SettingProblem => problem(field, value, p.allowed, p.suggestions);

/** "field: got value; allowed: ...[; did you mean ...?]", as every component error reads. */
export const formatProblem = (p: SettingProblem): string => {
  const hint = suggestionText(p.suggestions ?? []);
  return `${p.field}: got ${JSON.stringify(p.value)}; allowed: ${p.allowed}${hint ? `; ${hint}` : ""}`;
};

/** A problem unless `value` is an integer from `min` to `max`; `rule` says whose rule that is. */
export function intRange(field: string, value: number, min: number, max: number, rule: string): SettingProblem[] {
  return Number.isInteger(value) && value >= min && value <= max ? [] : [problem(field, value, `an integer from ${min} to ${max} (${rule})`)];
}

/** A problem unless `days` is a retention CloudWatch Logs accepts. */
export function logRetentionProblems(field: string, days: number): SettingProblem[] {
  return isLogRetention(days) ? [] : [problem(field, days, LOG_RETENTION_RULE)];
}

/**
 * Throws one ComponentArgsError listing every problem, before the component registers anything: the
 * caller's input is wrong, not the program, so the plan reports it as a config error.
 */
export function assertNoProblems(component: string, problems: readonly SettingProblem[]): void {
  throwIfProblems(component, problems.map(formatProblem));
}
