import { strict as assert } from "node:assert";
import { budgetArgs, reportMessage } from "./reporting";

const settings = { monthlyLimitUsd: 1000, actualPercent: 80, forecastPercent: 100, costAllocationTags: { System: "medsearch", Environment: "prod" } };

describe("budget and daily report", () => {
  it("budget the stack's tagged spend monthly, in USD", () => {
    const b = budgetArgs("medsearch-prod-monthly", settings, "arn:warning");
    assert.deepEqual([b.budgetType, b.timeUnit, b.limitAmount, b.limitUnit, b.metrics], ["COST", "MONTHLY", "1000.00", "USD", "UnblendedCost"]);
    assert.deepEqual(b.filterExpression, { ands: [
      { tags: { key: "System", values: ["medsearch"], matchOptions: ["EQUALS"] } },
      { tags: { key: "Environment", values: ["prod"], matchOptions: ["EQUALS"] } },
    ] });
  });

  it("alert the warning topic on actual spend past 80 % and a forecast past 100 %", () => {
    const b = budgetArgs("n", settings, "arn:warning");
    assert.deepEqual(b.notifications.map((n) => [n.notificationType, n.comparisonOperator, n.threshold, n.thresholdType, n.subscriberSnsTopicArns]), [
      ["ACTUAL", "GREATER_THAN", 80, "PERCENTAGE", ["arn:warning"]],
      ["FORECASTED", "GREATER_THAN", 100, "PERCENTAGE", ["arn:warning"]],
    ]);
  });

  it("filter on a single tag without an AND", () => {
    assert.deepEqual(budgetArgs("n", { ...settings, costAllocationTags: { System: "medsearch" } }, "t").filterExpression, { tags: { key: "System", values: ["medsearch"], matchOptions: ["EQUALS"] } });
  });

  it("send a report that links the dashboard and the budget, as a JSON string with EventBridge's <time>", () => {
    const m = reportMessage("medsearch-prod", "us-west-2", "medsearch-prod");
    assert.deepEqual(m.inputPaths, { time: "$.time" });
    const text = JSON.parse(m.inputTemplate) as string;
    assert.match(text, /^Daily usage report for medsearch-prod \(<time>\)\./);
    assert.ok(text.includes("https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#dashboards/dashboard/medsearch-prod"));
    assert.ok(text.includes("costmanagement/home#/budgets"));
  });
});
