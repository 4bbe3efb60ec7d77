/**
 * The tags the stack's providers put on every taggable resource.
 */
import type { PlatformConfig } from "../config/schema";

/** Tags on every taggable resource, through the provider's default tags. */
export function defaultTags(config: PlatformConfig): Record<string, string> {
  return {
    Environment: config.stack,
    Profile: config.profile,
    System: config.name,
    Owner: config.tags.owner,
    CostCenter: config.tags.costCenter,
    ManagedBy: "pulumi",
  };
}

