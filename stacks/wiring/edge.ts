/**
 * Config to the edge tier: `edgeArgs` maps the config and what other tiers built to the Edge's Args
 * (pure); `buildEdge` gathers those from the tiers and creates the component.
 */
import type * as pulumi from "@pulumi/pulumi";
import { Edge } from "../../components/edge/edge";
import type { EdgeArgs, HostedZone } from "../../components/edge/edge";
import type { Network } from "../../components/network/network";
import type { AccountContext } from "../../components/account";
import type { KeyRing } from "../../components/security/keyRing";
import type { Storage } from "../../components/storage/storage";
import type { EdgeConfig, PlatformConfig } from "../config/schema";
import { regionProvider } from "./context";

/** What the other tiers hand the edge: network ids, the storage tier's buckets, providers, keys. */
export type EdgeDeps = Pick<
  EdgeArgs,
  | "account"
  | "vpcId"
  | "vpcCidr"
  | "availabilityZones"
  | "privateSubnetIds"
  | "publicSubnetIds"
  | "logsBucket"
  | "logPrefixes"
  | "staticAssetsBucket"
  | "usEast1Provider"
  | "targetSecurityGroupIds"
  | "logsKmsKeyArn"
>;

/** Validated config guarantees exactly one of the three (platform:edge.domain rule). */
export function hostedZone(domain: NonNullable<EdgeConfig["domain"]>): HostedZone {
  if (domain.createHostedZone) return { create: true };
  if (domain.hostedZoneId) return { zoneId: domain.hostedZoneId };
  return { zoneName: domain.hostedZoneName! };
}

export function edgeArgs(config: PlatformConfig, deps: EdgeDeps): EdgeArgs {
  const { edge } = config;
  return {
    ...deps,
    services: config.services,
    domain: edge.domain ? { name: edge.domain.name, hostedZone: hostedZone(edge.domain) } : undefined,
    waf: { rateLimit: edge.waf.rateLimit, rateLimitWindowSeconds: edge.waf.rateLimitWindowSeconds, redactedHeaders: edge.logging.redactedHeaders, regionalWebAcl: edge.waf.regionalWebAcl },
    alb: edge.alb,
    cloudFront: edge.cloudFront,
    // WAF logs are security audit records: they follow the audit retention.
    logRetentionDays: config.logging.auditRetentionDays,
    usEast1Key: { deletionWindowDays: config.keys.deletionWindowDays, protect: config.keys.protect },
    protect: edge.protect,
  };
}

export interface BuildEdgeDeps {
  account: AccountContext;
  azs: string[];
  network: Network;
  keys: KeyRing;
  storage: Storage;
  /** Security groups the ALB may reach: the nodes' (EKS) or tasks' (ECS). */
  targetSecurityGroupIds: pulumi.Input<string>[];
}

export function buildEdge(config: PlatformConfig, deps: BuildEdgeDeps, opts: pulumi.ComponentResourceOptions): Edge {
  const { network, storage } = deps;
  const staticBucket = config.storage.buckets.find((b) => b.purpose === "static-assets");
  return new Edge(
    `${config.name}-edge`,
    edgeArgs(config, {
      account: deps.account,
      vpcId: network.vpcId,
      vpcCidr: network.vpcCidr,
      availabilityZones: deps.azs,
      privateSubnetIds: network.privateSubnetIds,
      publicSubnetIds: network.publicSubnetIds,
      logsBucket: storage.logsBucket,
      logPrefixes: { alb: storage.logPrefixes.alb, cloudfront: storage.logPrefixes.cloudfront },
      staticAssetsBucket: staticBucket ? storage.buckets[staticBucket.name] : undefined,
      // CloudFront's certificate and web ACL live in us-east-1 whatever the stack's region.
      usEast1Provider: regionProvider(config, `${config.name}-us-east-1`, "us-east-1"),
      targetSecurityGroupIds: deps.targetSecurityGroupIds,
      logsKmsKeyArn: deps.keys.keyArns.logs,
    }),
    opts,
  );
}
