import { strict as assert } from "node:assert";
import { scheduleDays } from "./rotationSchedule";

describe("Secrets Manager rotation schedules", () => {
  it("reads rate() in days and hours", () => {
    assert.equal(scheduleDays("rate(8 days)"), 8);
    assert.equal(scheduleDays("rate(1 day)"), 1);
    assert.equal(scheduleDays("rate(12 hours)"), 0.5);
  });

  it("gives the longest gap of every cron() example in the Secrets Manager guide", () => {
    // https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html
    const examples: Array<[string, number]> = [
      ["cron(0 10 * * ? *)", 1], // every day
      ["cron(0 18 ? * SAT *)", 7], // every Saturday
      ["cron(0 8 1 * ? *)", 31], // the first of every month: 31 days after a 31-day month
      ["cron(0 1 * 1/3 SUN *)", 70], // Sundays of every third month: last Sunday of January to first of April
      ["cron(0 17 L * ? *)", 31], // the last day of every month
      ["cron(0 8 ? * MON-FRI *)", 3], // weekdays: Friday to Monday
      ["cron(0 16 1,15 * ? *)", 17], // the 15th to the 1st of a 31-day month
      ["cron(0 0 ? * SUN#1 *)", 35], // the first Sunday of every month
    ];
    for (const [expression, days] of examples) assert.equal(scheduleDays(expression), days, expression);
  });

  it("counts the months a day skips and the months a field leaves out", () => {
    assert.equal(scheduleDays("cron(0 8 31 * ? *)"), 61); // only 31-day months have a 31st
    assert.equal(scheduleDays("cron(0 8 1 */3 ? *)"), 92); // quarterly: July to October
    assert.equal(scheduleDays("cron(0 8 1 JAN,JUL ? *)"), 184);
    assert.equal(scheduleDays("cron(0 8 1 1 ? *)"), 366); // yearly, across a leap day
    assert.equal(scheduleDays("cron(0 8 ? * 1L *)"), 35); // the last Sunday of every month
  });

  it("refuses what Secrets Manager refuses or what never repeats", () => {
    for (const bad of ["rate(0 days)", "rate(2 weeks)", "cron(5 8 * * ? *)", "cron(0 8 * * ? 2026)", "cron(0 24 1 * ? *)", "cron(0 8 1 * ?)", "cron(0 8 30 2 ? *)", "every 30 days", ""]) {
      assert.equal(scheduleDays(bad), undefined, bad);
    }
  });
});
