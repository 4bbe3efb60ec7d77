/**
 * How long a Secrets Manager rotation schedule can leave a secret unchanged. `rotationRules` names
 * either `automaticallyAfterDays` (1 to 1000) or a `scheduleExpression`, never both: `rate(N days)`,
 * `rate(N hours)` (every 4 hours at most), or `cron(Minutes Hours Day-of-month Month Day-of-week Year)`
 * with minutes 0 and year `*`.
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_RotationRulesType.html
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html
 */

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
/** Day-of-week 1 is Sunday, as in every AWS cron expression. */
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** One value of a field: a number, or a name that stands for `index + 1`. */
function value(text: string, names: readonly string[]): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const i = names.indexOf(text.toUpperCase());
  return i < 0 ? undefined : i + 1;
}

/** The values a plain token (`*`, `n`, `a-b`, each with an optional `/step`) selects in min..max. */
function values(token: string, min: number, max: number, names: readonly string[] = []): number[] | undefined {
  const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(token);
  if (!m) return undefined;
  const [from, to] = m[1] === "*" ? [min, max] : m[1].split("-").map((v) => value(v, names));
  // "a/step" runs from a to the end of the field; a lone "a" is just a.
  const end = m[1].includes("-") || m[1] === "*" || m[2] !== undefined ? to ?? max : from;
  const step = m[2] === undefined ? 1 : Number(m[2]);
  if (from === undefined || end === undefined || from < min || end > max || from > end || step < 1) return undefined;
  const out: number[] = [];
  for (let v = from; v <= end; v += step) out.push(v);
  return out;
}

type DayTest = (date: Date) => boolean;
const ANY: DayTest = () => true;
const daysIn = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();

/** Day-of-month: a list of plain tokens, `L` (the month's last day) or `?`. */
function dayOfMonth(field: string): DayTest | undefined {
  if (field === "?") return ANY;
  const tests = field.split(",").map((t): DayTest | undefined => {
    if (t === "L") return (d) => d.getUTCDate() === daysIn(d);
    const days = values(t, 1, 31);
    return days && ((d) => days.includes(d.getUTCDate()));
  });
  return tests.every((t) => t !== undefined) ? (d) => tests.some((t) => t!(d)) : undefined;
}

/** Day-of-week: a list of plain tokens, `L` (Saturday), `<day>L` (its last in the month), `<day>#n` (its nth) or `?`. */
function dayOfWeek(field: string): DayTest | undefined {
  if (field === "?") return ANY;
  const weekday = (d: Date) => d.getUTCDay() + 1;
  const tests = field.split(",").map((t): DayTest | undefined => {
    if (t === "L") return (d) => weekday(d) === 7;
    const last = /^(\w+)L$/.exec(t);
    if (last) {
      const day = value(last[1], WEEKDAYS);
      return day === undefined || day > 7 ? undefined : (d) => weekday(d) === day && d.getUTCDate() + 7 > daysIn(d);
    }
    const nth = /^(\w+)#([1-5])$/.exec(t);
    if (nth) {
      const day = value(nth[1], WEEKDAYS);
      return day === undefined || day > 7 ? undefined : (d) => weekday(d) === day && Math.ceil(d.getUTCDate() / 7) === Number(nth[2]);
    }
    const days = values(t, 1, 7, WEEKDAYS);
    return days && ((d) => days.includes(weekday(d)));
  });
  return tests.every((t) => t !== undefined) ? (d) => tests.some((t) => t!(d)) : undefined;
}

const DAY_MS = 86_400_000;
/**
 * The calendar searched for the longest gap: 2001 to 2056, two 28-year cycles. Weekdays and leap
 * years repeat every 28 years from 1901 to 2099, so every gap a schedule can show until then is here.
 */
const FIRST_DAY = Date.UTC(2001, 0, 1);
const DAYS_SEARCHED = Math.round((Date.UTC(2057, 0, 1) - FIRST_DAY) / DAY_MS);

/** Longest gap in days between the days a cron() schedule fires on, or undefined when it is not one Secrets Manager accepts or fires at most once. */
function cronDays(expression: string): number | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [minutes, hours, dom, month, dow, year] = fields;
  if (minutes !== "0" || year !== "*" || !hours.split(",").every((t) => values(t, 0, 23))) return undefined;
  const months = month.split(",").map((t) => values(t, 1, 12, MONTHS));
  const byDate = dayOfMonth(dom);
  const byWeekday = dayOfWeek(dow);
  if (months.some((m) => m === undefined) || !byDate || !byWeekday) return undefined;
  const inMonth = new Set(months.flat());
  let previous: number | undefined;
  let longest = 0;
  for (let i = 0; i < DAYS_SEARCHED; i++) {
    const d = new Date(FIRST_DAY + i * DAY_MS);
    if (!inMonth.has(d.getUTCMonth() + 1) || !byDate(d) || !byWeekday(d)) continue;
    if (previous !== undefined) longest = Math.max(longest, i - previous);
    previous = i;
  }
  return longest > 0 ? longest : undefined;
}

/**
 * The longest a schedule can go between two rotations, in days (a rate in hours gives a fraction),
 * or undefined when `scheduleExpression` is not an expression Secrets Manager accepts.
 */
export function scheduleDays(expression: string): number | undefined {
  const rate = /^rate\((\d+) (days?|hours?)\)$/.exec(expression.trim());
  if (rate) {
    const n = Number(rate[1]);
    if (n < 1) return undefined;
    return rate[2].startsWith("day") ? n : n / 24;
  }
  const cron = /^cron\((.*)\)$/.exec(expression.trim());
  return cron ? cronDays(cron[1]) : undefined;
}
