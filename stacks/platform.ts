/**
 * Wires the tiers together. Tiers talk through typed outputs, never by guessing names.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DataTierOutputs } from "../components/data/outputs";
import { Network } from "../components/network/network";
import { KeyRing } from "../components/security/keyRing";
import { readPlatformConfig } from "./config/load";
import type { PlatformConfig } from "./config/schema";
import { createDataTier } from "./dataTier";

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
    throw new Error(
      `platform:network.azCount: got ${net.azCount}; allowed: at most ${zones.names.length}, the AZs available in ${config.region} (${zones.names.join(", ")})`,
    );
  }
  return zones.names.slice(0, net.azCount);
}

export interface PlatformOutputs {
  profile: string;
  region: string;
  vpcId: pulumi.Output<string>;
  availabilityZones: string[];
  publicSubnetIds: pulumi.Output<string[]>;
  privateSubnetIds: pulumi.Output<string[]>;
  databaseSubnetIds: pulumi.Output<string[]>;
  kmsKeyArns: Record<string, pulumi.Output<string>>;
  /** Endpoints, ports, security groups, secret ARNs and identifiers of the data stores. */
  data: DataTierOutputs;
}

export async function createPlatform(config: PlatformConfig): Promise<PlatformOutputs> {
  // An explicit provider carries the default tags, so no resource can be created untagged.
  const provider = new aws.Provider(config.name, { region: config.region as aws.Region, defaultTags: { tags: defaultTags(config) } });
  const opts = { providers: { aws: provider } };
  const identity = await aws.getCallerIdentity({}, { provider });
  const partition = await aws.getPartition({}, { provider });
  const azs = await availabilityZones(config, provider);

  const keys = new KeyRing(
    `${config.name}-keys`,
    {
      account: { accountId: identity.accountId, partition: partition.partition, region: config.region },
      deletionWindowDays: config.keys.deletionWindowDays,
      protect: config.keys.protect,
    },
    opts,
  );
  const network = new Network(
    `${config.name}-network`,
    {
      ...config.network,
      availabilityZoneNames: azs,
      region: config.region,
      accountId: identity.accountId,
      flowLogs: { ...config.network.flowLogs, retentionDays: config.logging.auditRetentionDays, kmsKeyArn: keys.keyArns.logs },
    },
    opts,
  );
  const data = createDataTier(config, {
    network: {
      vpcId: network.vpcId,
      vpcCidr: network.vpcCidr,
      databaseSubnetIds: network.databaseSubnetIds,
      privateSubnetIds: network.privateSubnetIds,
      availabilityZones: azs,
      // The cluster tier's node security group joins this list when it lands; empty admits nothing.
      clientSecurityGroupIds: [],
    },
    keys: { dataKeyArn: keys.keyArns.data, secretsKeyArn: keys.keyArns.secrets, logsKeyArn: keys.keyArns.logs },
    account: { accountId: identity.accountId, partition: partition.partition, region: config.region },
    opts,
  });

  return {
    profile: config.profile,
    region: config.region,
    vpcId: network.vpcId,
    availabilityZones: azs,
    publicSubnetIds: network.publicSubnetIds,
    privateSubnetIds: network.privateSubnetIds,
    databaseSubnetIds: network.databaseSubnetIds,
    kmsKeyArns: keys.keyArns,
    data,
  };
}

/** The program: read and validate the stack's config, then build the platform. */
export function main(): Promise<PlatformOutputs> {
  return createPlatform(readPlatformConfig(pulumi.runtime.allConfig(), pulumi.getStack()));
}
