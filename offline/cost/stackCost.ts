/**
 * The estimate of one stack run: its typed cost assumptions (platform:cost, profile defaults merged)
 * and the remote components' children (offline/expand.ts, shared with the CloudFormation
 * rendering), then estimate().
 */
import { readPlatformConfig } from "../../stacks/config/load";
import { expandRemoteComponents } from "../expand";
import type { RecordedResource } from "../recorder";
import { estimate } from "./estimate";
import type { CostReport } from "./types";

export function estimateStack(resources: RecordedResource[], config: Record<string, string>, stack: string): CostReport {
  const platform = readPlatformConfig(config, stack);
  return estimate({ resources, synthesized: expandRemoteComponents(resources), region: platform.region, assumptions: platform.cost });
}
