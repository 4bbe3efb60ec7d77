/**
 * How the estimate reaches the budget policy (budgets-require-estimate-within-limit): through that
 * policy's entry in the pack config, beside the enforcement level the profile's config file sets.
 * The pack stays standalone (no price data, no program), and the policy compares the estimate with
 * the Budget resource the stack itself declares.
 */
import type { PackConfig } from "../policyRunner";
import type { CostReport } from "./types";

export const BUDGET_POLICY = "budgets-require-estimate-within-limit";

export function withEstimate(config: PackConfig, report: CostReport): PackConfig {
  const entry = config[BUDGET_POLICY];
  const base = typeof entry === "string" ? { enforcementLevel: entry } : entry ?? {};
  const estimate = {
    monthlyUsd: report.monthlyTotal,
    largest: report.items.slice(0, 3).map((i) => ({ name: i.name, monthlyUsd: i.monthly })),
    unpricedCount: report.unpriced.reduce((n, u) => n + u.count, 0),
  };
  return { ...config, [BUDGET_POLICY]: { ...base, estimate } };
}
