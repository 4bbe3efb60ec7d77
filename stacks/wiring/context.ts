/**
 * What every tier is built with: the stack region's tagged provider, the account it deploys into and
 * the AZs it spans. Built once, before any tier, from the provider's own answers.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { AccountContext } from "../../components/account";
import { ConfigError } from "../config/problems";
import type { PlatformConfig } from "../config/schema";
import { defaultTags } from "./tags";

export interface PlatformContext {
  /** The stack region's provider. It carries the default tags, so no resource is created untagged. */
  provider: aws.Provider;
  /** Account, partition and region, from the provider's caller identity. */
  account: AccountContext;
  /** AZ names of the stack, in order. */
  azs: string[];
  /** What every tier's component is created with: the tagged provider. */
  opts: pulumi.ComponentResourceOptions;
}

/** An explicit provider for another region (the edge's us-east-1, the storage replica's region), with the same tags. */
export function regionProvider(config: PlatformConfig, name: string, region: string): aws.Provider {
  return new aws.Provider(name, { region: region as aws.Region, defaultTags: { tags: defaultTags(config) } });
}

/**
 * AZ names for the stack: the pinned list, or the first azCount zones that need no opt-in (local
 * and wavelength zones do, and lack most services). Fails before any cloud resource when the
 * region has too few.
 */
async function availabilityZones(config: PlatformConfig, provider: aws.Provider): Promise<string[]> {
  const net = config.network;
  if (net.availabilityZones) return net.availabilityZones;
  const zones = await aws.getAvailabilityZones(
    { state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] },
    { provider },
  );
  if (zones.names.length < net.azCount) {
    // The account's answer, not a bug: a config error (the plan exits 2, without a stack trace).
    throw new ConfigError([{
      key: "platform:network.azCount", value: net.azCount,
      allowed: `at most ${zones.names.length}, the AZs available to this account in ${config.region} (${zones.names.join(", ")})`,
    }]);
  }
  return zones.names.slice(0, net.azCount);
}

export async function buildContext(config: PlatformConfig): Promise<PlatformContext> {
  const provider = regionProvider(config, config.name, config.region);
  const identity = await aws.getCallerIdentity({}, { provider });
  const partition = await aws.getPartition({}, { provider });
  const azs = await availabilityZones(config, provider);
  return {
    provider,
    account: { accountId: identity.accountId, partition: partition.partition, region: config.region },
    azs,
    opts: { providers: { aws: provider } },
  };
}
