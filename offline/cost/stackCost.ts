/**
 * The estimate of one stack run: its typed cost assumptions (platform:cost, profile defaults merged)
 * and the remote components' billable children, then estimate().
 */
import { readPlatformConfig } from "../../stacks/config/load";
import type { RecordedResource } from "../recorder";
import { estimate } from "./estimate";
import { billableRemoteChildren } from "./remoteChildren";
import type { CostReport } from "./types";

export function estimateStack(resources: RecordedResource[], config: Record<string, string>, stack: string): CostReport {
  const platform = readPlatformConfig(config, stack);
  return estimate({ resources, synthesized: billableRemoteChildren(resources, platform.region), region: platform.region, assumptions: platform.cost });
}
