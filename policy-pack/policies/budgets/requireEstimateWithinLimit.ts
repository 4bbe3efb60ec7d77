import type { PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** The offline estimate, as the plan (or the preview wrapper) hands it over in this policy's config. */
export interface MonthlyEstimate {
  monthlyUsd: number;
  /** The largest items, largest first. */
  largest: Array<{ name: string; monthlyUsd: number }>;
  /** Resources the estimate could not price (listed by the plan); the estimate is a floor when above 0. */
  unpricedCount?: number;
}

export interface EstimateWithinLimitConfig {
  estimate?: MonthlyEstimate;
}

const usd = (n: number) => `$${n.toFixed(2)}`;

/**
 * The monthly cost budgets the stack itself declares (the monitoring tier's AWS Budget): COST
 * budgets over a MONTHLY period, with their limit in USD.
 * https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-create.html
 */
function monthlyBudgets(resources: Array<{ type: string; name: string; urn: string; props: Record<string, any> }>) {
  return resources
    .filter((r) => r.type === T.budget && String(r.props.budgetType ?? "COST") === "COST" && String(r.props.timeUnit ?? "MONTHLY") === "MONTHLY")
    .filter((r) => String(r.props.limitUnit ?? "USD") === "USD" && Number.isFinite(Number(r.props.limitAmount)))
    .map((r) => ({ name: String(r.props.name ?? r.name), urn: r.urn, limit: Number(r.props.limitAmount) }));
}

export const requireEstimateWithinLimit: PackStackPolicy = {
  name: "budgets-require-estimate-within-limit",
  resourceTypes: [T.budget],
  description:
    "The stack's estimated monthly cost (the offline plan's estimate of on-demand list prices, passed in this policy's config) stays within every monthly COST budget the stack declares " +
    "(the monitoring tier's AWS Budget, platform:monitoring.budget.monthlyLimitUsd), so a plan shows before a deployment that the budget's own alerts would fire. " +
    "Without an estimate in its config (a bare `pulumi preview`) the policy has nothing to compare and stays silent. No FSBP control covers cost: this is a budget guard.",
  severity: "medium",
  remediationSteps:
    "Bring the estimate down (the plan's cost section lists the largest items and the levers in docs/cost.md), or raise platform:monitoring.budget.monthlyLimitUsd if the spend is intended.",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      estimate: {
        type: "object",
        description: "Set by the offline plan from its estimate; not written in the pack config files.",
        properties: {
          monthlyUsd: { type: "number", minimum: 0 },
          largest: { type: "array", items: { type: "object", properties: { name: { type: "string" }, monthlyUsd: { type: "number" } }, required: ["name", "monthlyUsd"] } },
          unpricedCount: { type: "integer", minimum: 0 },
        },
        required: ["monthlyUsd", "largest"],
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const estimate = args.getConfig<EstimateWithinLimitConfig>().estimate;
    if (!estimate) return;
    const largest = estimate.largest.slice(0, 3).map((i) => `${i.name} ${usd(i.monthlyUsd)}`).join(", ");
    const floor = estimate.unpricedCount ? ` (${estimate.unpricedCount} resources unpriced, so at least this)` : "";
    for (const b of monthlyBudgets(args.resources)) {
      if (estimate.monthlyUsd <= b.limit) continue;
      reportViolation(
        `Estimated monthly cost ${usd(estimate.monthlyUsd)}${floor} exceeds the monthly budget ${b.name} of ${usd(b.limit)} (platform:monitoring.budget.monthlyLimitUsd); ` +
          `largest items: ${largest}; bring the estimate within the budget or raise the budget.`,
        b.urn,
      );
    }
  },
};
