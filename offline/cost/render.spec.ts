import { strict as assert } from "node:assert";
import { renderCost } from "./render";
import type { CostItem, CostReport } from "./types";

const item = (i: number): CostItem => ({ urn: `urn:${i}`, type: "aws:kms/key:Key", name: `key-${i}`, tier: "security", region: "us-west-2", monthly: 20 - i, basis: `key ${i}`, source: "https://aws.amazon.com/kms/pricing/ (read 2026-12-06)" });
const report: CostReport = {
  currency: "USD", region: "us-west-2", monthlyTotal: 145, byTier: { security: 145 },
  items: Array.from({ length: 12 }, (_, i) => item(i)),
  unpriced: [{ type: "aws:eks/addon:Addon", count: 1, reason: "Container Insights: no AWS rate read yet" }],
  assumptions: { spotDiscountPercent: 60, logIngestGb: 5, pricing: "on-demand list prices" },
};

describe("cost section of the plan", () => {
  it("prints the total, each tier, the ten largest items, what is unpriced and the assumptions, in that order", () => {
    const lines = renderCost(report);
    assert.equal(lines[0], "Estimated monthly cost: $145.00 USD (on-demand list prices, 730 h/month; stack region us-west-2).");
    assert.deepEqual(lines.slice(1, 3), ["  By tier:", "    security        $145.00"]);
    assert.equal(lines[3], "  Largest 10 items:");
    assert.equal(lines[4], "        $20.00  key-0 (aws:kms/key:Key) [us-west-2] — key 0");
    assert.equal(lines.filter((l) => / key-\d+ /.test(l)).length, 10);
    assert.deepEqual(lines.slice(14), ["  Unpriced (not counted):", "    1 x aws:eks/addon:Addon: Container Insights: no AWS rate read yet", "  Assumptions (platform:cost):", "    spotDiscountPercent=60, logIngestGb=5"]);
  });

  it("leaves out the unpriced block when everything is priced", () => {
    assert.ok(!renderCost({ ...report, unpriced: [] }).some((l) => l.includes("Unpriced")));
  });
});
