/**
 * Config to Args for the edge tier: what stacks/platform.ts passes `new Edge(...)`. The config
 * holds the choices; `deps` carries what other tiers built.
 */
import type { EdgeArgs, HostedZone } from "../../components/edge/edge";
import type { EdgeConfig, PlatformConfig } from "../config/schema";

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
  | "kubernetesProvider"
  | "kubernetesDependsOn"
  | "targetSecurityGroupIds"
> & {
  /** The key ring's regional logs key. */
  logsKmsKeyArn: EdgeArgs["logging"]["kmsKeyArn"];
};

/** Validated config guarantees exactly one of the three (platform:edge.domain rule). */
export function hostedZone(domain: NonNullable<EdgeConfig["domain"]>): HostedZone {
  if (domain.createHostedZone) return { create: true };
  if (domain.hostedZoneId) return { zoneId: domain.hostedZoneId };
  return { zoneName: domain.hostedZoneName! };
}

export function edgeArgs(config: PlatformConfig, deps: EdgeDeps): EdgeArgs {
  const { edge } = config;
  const { logsKmsKeyArn, ...tiers } = deps;
  return {
    ...tiers,
    services: config.services,
    domain: edge.domain ? { name: edge.domain.name, hostedZone: hostedZone(edge.domain) } : undefined,
    waf: { rateLimit: edge.waf.rateLimit, rateLimitWindowSeconds: edge.waf.rateLimitWindowSeconds, redactedHeaders: edge.logging.redactedHeaders, regionalWebAcl: edge.waf.regionalWebAcl },
    alb: edge.alb,
    cloudFront: edge.cloudFront,
    // WAF logs are security audit records: they follow the audit retention.
    logging: { retentionDays: config.logging.auditRetentionDays, kmsKeyArn: logsKmsKeyArn },
    usEast1Key: { deletionWindowDays: config.keys.deletionWindowDays, protect: config.keys.protect },
    protect: edge.protect,
  };
}
