import { strict as assert } from "node:assert";
import { assertOneViolation, check, fixture } from "../../test/fixtures";
import { T } from "../../lib/types";
import { MonthlyEstimate, requireEstimateWithinLimit } from "./requireEstimateWithinLimit";

const budget = (limitAmount: string, extra: Record<string, unknown> = {}) =>
  fixture(T.budget, "medsearch-monitoring-budget", { outputs: { name: "medsearch-dev-monthly", budgetType: "COST", timeUnit: "MONTHLY", limitUnit: "USD", limitAmount, ...extra } });

const estimate = (monthlyUsd: number): MonthlyEstimate => ({
  monthlyUsd,
  largest: [
    { name: "medsearch-cluster-eks", monthlyUsd: 73 },
    { name: "medsearch-cluster-application-nodes", monthlyUsd: 53.39 },
    { name: "medsearch-network-vpc-1", monthlyUsd: 33.75 },
    { name: "medsearch-edge-lb", monthlyUsd: 22.27 },
  ],
  unpricedCount: 0,
});

const withEstimate = (e: MonthlyEstimate | undefined, level: "advisory" | "mandatory" = "advisory") =>
  ({ all: "mandatory" as const, [requireEstimateWithinLimit.name]: { enforcementLevel: level, ...(e ? { estimate: e } : {}) } });

describe("budgets-require-estimate-within-limit", () => {
  it("passes an estimate at or under the stack's monthly budget", async () => {
    assert.deepEqual(await check(requireEstimateWithinLimit, [budget("200.00")], withEstimate(estimate(199.99))), []);
    assert.deepEqual(await check(requireEstimateWithinLimit, [budget("200.00")], withEstimate(estimate(200))), []);
  });

  it("flags an estimate over the budget with the estimate, the budget and the three largest items, at the configured level", async () => {
    const vs = await check(requireEstimateWithinLimit, [budget("200.00")], withEstimate(estimate(303.17)));
    const v = assertOneViolation(vs, requireEstimateWithinLimit, [
      /Estimated monthly cost \$303\.17 exceeds the monthly budget medsearch-dev-monthly of \$200\.00/,
      /platform:monitoring\.budget\.monthlyLimitUsd/,
      /largest items: medsearch-cluster-eks \$73\.00, medsearch-cluster-application-nodes \$53\.39, medsearch-network-vpc-1 \$33\.75;/,
    ], "advisory");
    assert.equal(v.urn, budget("200.00").urn);
    assert.doesNotMatch(v.message, /medsearch-edge-lb/, "only the three largest");
    const mandatory = await check(requireEstimateWithinLimit, [budget("200.00")], withEstimate(estimate(303.17), "mandatory"));
    assert.equal(mandatory[0].level, "mandatory");
  });

  it("says the estimate is a floor when resources are unpriced", async () => {
    const vs = await check(requireEstimateWithinLimit, [budget("100")], withEstimate({ ...estimate(150), unpricedCount: 4 }));
    assertOneViolation(vs, requireEstimateWithinLimit, [/\$150\.00 \(4 resources unpriced, so at least this\) exceeds/], "advisory");
  });

  it("stays silent without an estimate in its config (a bare pulumi preview)", async () => {
    assert.deepEqual(await check(requireEstimateWithinLimit, [budget("200.00")], withEstimate(undefined)), []);
  });

  it("ignores budgets that are not monthly USD cost budgets", async () => {
    const usage = budget("10", { budgetType: "USAGE" });
    const quarterly = fixture(T.budget, "quarterly", { outputs: { budgetType: "COST", timeUnit: "QUARTERLY", limitAmount: "10", limitUnit: "USD" } });
    assert.deepEqual(await check(requireEstimateWithinLimit, [usage, quarterly], withEstimate(estimate(500))), []);
  });
});
