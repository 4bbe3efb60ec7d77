/**
 * The estimate of one stack run: its typed cost assumptions (platform:cost, profile defaults merged)
 * and the remote components' children (offline/expand.ts, shared with the CloudFormation
 * rendering), then estimate().
 */
import { readPlatformConfig } from "../../stacks/config/load";
import { COST_DEFAULTS } from "../../stacks/config/sections/cost";
import type { Profile } from "../../components/profiles";
import { expandRemoteComponents } from "../expand";
import { policyProfile } from "../program";
import type { RecordedResource } from "../recorder";
import { estimate } from "./estimate";
import type { CostReport } from "./types";

export function estimateStack(resources: RecordedResource[], config: Record<string, string>, stack: string): CostReport {
  const synthesized = expandRemoteComponents(resources);
  // Another program (examples/standalone) has no platform config: its region, and the usage of the
  // profile it is held to (prod, as for its policies).
  if (config["platform:profile"] === undefined) {
    return estimate({ resources, synthesized, region: config["aws:region"], assumptions: COST_DEFAULTS[policyProfile(config) as Profile] });
  }
  const platform = readPlatformConfig(config, stack);
  return estimate({ resources, synthesized, region: platform.region, assumptions: platform.cost });
}
