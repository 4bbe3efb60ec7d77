/**
 * Backup and maintenance windows as RDS and ElastiCache spell them. Pure; no Pulumi imports.
 *
 * A daily window is "hh:mm-hh:mm" (UTC); a weekly window is "ddd:hh:mm-ddd:hh:mm". Both services
 * reject a daily backup window that overlaps the weekly maintenance window, and windows shorter than
 * a minimum (RDS: 30 minutes; ElastiCache: 60 minutes).
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupWindow.html
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html
 */
import { ComponentArgsError } from "../errors";
import { SettingProblem, problem } from "../settings";

export const DAILY_WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;
export const WEEKLY_WINDOW = /^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):([0-5]\d)-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):([0-5]\d)$/;

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;

/** A window as [start, end) in minutes of the week; end may exceed the week when it wraps. */
export interface Span {
  start: number;
  end: number;
}

/** The seven occurrences of a daily window, in minutes of the week. */
export function dailySpans(window: string): Span[] {
  const m = DAILY_WINDOW.exec(window);
  if (!m) throw new ComponentArgsError(`not a daily window: ${window}`);
  const start = Number(m[1]) * 60 + Number(m[2]);
  let end = Number(m[3]) * 60 + Number(m[4]);
  if (end <= start) end += DAY_MINUTES;
  return DAYS.map((_, d) => ({ start: d * DAY_MINUTES + start, end: d * DAY_MINUTES + end }));
}

export function weeklySpan(window: string): Span {
  const m = WEEKLY_WINDOW.exec(window);
  if (!m) throw new ComponentArgsError(`not a weekly window: ${window}`);
  const at = (day: string, h: string, min: string) => DAYS.indexOf(day as (typeof DAYS)[number]) * DAY_MINUTES + Number(h) * 60 + Number(min);
  const start = at(m[1], m[2], m[3]);
  let end = at(m[4], m[5], m[6]);
  if (end <= start) end += WEEK_MINUTES;
  return { start, end };
}

export const minutes = (s: Span): number => s.end - s.start;

/** True when two spans share a minute, taking the week's wrap-around into account. */
export function spansOverlap(a: Span, b: Span): boolean {
  return [-WEEK_MINUTES, 0, WEEK_MINUTES].some((shift) => a.start < b.end + shift && b.start + shift < a.end);
}

/** True when any day's occurrence of the daily window overlaps the weekly window. */
export function dailyOverlapsWeekly(daily: string, weekly: string): boolean {
  const w = weeklySpan(weekly);
  return dailySpans(daily).some((d) => spansOverlap(d, w));
}

/**
 * Every way a service refuses a daily window beside its weekly maintenance window: a malformed
 * window, one shorter than the service's minimum, or a daily window overlapping maintenance.
 */
export function windowPairProblems(w: { dailyField: string; daily: string; weekly: string; minMinutes: number; service: string }): SettingProblem[] {
  if (!DAILY_WINDOW.test(w.daily)) return [problem(w.dailyField, w.daily, "a UTC window hh:mm-hh:mm")];
  if (!WEEKLY_WINDOW.test(w.weekly)) return [problem("maintenanceWindow", w.weekly, "a UTC window ddd:hh:mm-ddd:hh:mm")];
  const tooShort = `a window of at least ${w.minMinutes} minutes (${w.service} rule)`;
  const problems: SettingProblem[] = [];
  if (minutes(dailySpans(w.daily)[0]) < w.minMinutes) problems.push(problem(w.dailyField, w.daily, tooShort));
  if (minutes(weeklySpan(w.weekly)) < w.minMinutes) problems.push(problem("maintenanceWindow", w.weekly, tooShort));
  if (dailyOverlapsWeekly(w.daily, w.weekly)) {
    problems.push(problem(w.dailyField, w.daily, `a window that does not overlap maintenanceWindow ${w.weekly} (${w.service} rule)`));
  }
  return problems;
}

