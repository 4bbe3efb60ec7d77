/** Tags every component adds to its children on top of the provider's default tags. */
export type Tier = "security" | "network" | "cluster" | "data" | "storage" | "edge" | "monitoring";

export function tierTags(tier: Tier, extra: Record<string, string> = {}): Record<string, string> {
  return { Tier: tier, ...extra };
}
