/**
 * The monthly budget and the daily usage report, as plain arguments. Pure.
 */
import type { BudgetLimits } from "./presets";

export interface BudgetSettings extends Omit<BudgetLimits, "enabled"> {
  /**
   * Cost-allocation tags that pick this stack's spend (the provider's default tags System and
   * Environment); none measures the whole account. They must be activated as cost allocation tags
   * in the Billing console first.
   * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html
   */
  costAllocationTags: Record<string, string>;
}

/**
 * aws.budgets.Budget arguments: a monthly cost budget filtered to the stack's tags (all of them,
 * AND), with an actual-spend and a forecast alert to the warning topic.
 * https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html
 */
export function budgetArgs<A>(name: string, b: BudgetSettings, warningTopicArn: A) {
  const tags = Object.entries(b.costAllocationTags).map(([key, value]) => ({ tags: { key, values: [value], matchOptions: ["EQUALS"] } }));
  const notify = (notificationType: "ACTUAL" | "FORECASTED", threshold: number) =>
    ({ notificationType, comparisonOperator: "GREATER_THAN", threshold, thresholdType: "PERCENTAGE", subscriberSnsTopicArns: [warningTopicArn] });
  return {
    name,
    budgetType: "COST",
    timeUnit: "MONTHLY",
    limitAmount: b.monthlyLimitUsd.toFixed(2),
    limitUnit: "USD",
    // A filter expression needs the metric it measures; unblended cost is what the bill shows.
    metrics: "UnblendedCost",
    // No tags: the whole account's spend (a filter expression needs at least one condition).
    ...(tags.length === 0 ? {} : { filterExpression: tags.length === 1 ? tags[0] : { ands: tags } }),
    notifications: [notify("ACTUAL", b.actualPercent), notify("FORECASTED", b.forecastPercent)],
  };
}

/**
 * The daily report's message: when it ran and where the numbers are. EventBridge fills <time>;
 * the dashboard and Budgets pages sit behind the console sign-in, so no usage figure leaves AWS in
 * an email. https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
export function reportMessage(prefix: string, region: string, dashboardName: string): { inputPaths: Record<string, string>; inputTemplate: string } {
  const dashboard = `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${dashboardName}`;
  const budgets = "https://us-east-1.console.aws.amazon.com/costmanagement/home#/budgets";
  const text = `Daily usage report for ${prefix} (<time>). Dashboard: ${dashboard} . Spend against the monthly budget: ${budgets} .`;
  return { inputPaths: { time: "$.time" }, inputTemplate: JSON.stringify(text) };
}
