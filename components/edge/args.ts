/**
 * Arguments of the edge component, and the checks AWS would otherwise make on deployment day.
 */
import { ComponentArgsError } from "../errors";
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { AccountContext } from "../account";
import type { BucketRef } from "../storage/refs";
import type { RoutedService } from "./routing";

/** Where the domain's records live: a zone this stack creates, or an existing one. */
export type HostedZone = { create: true } | { zoneId: string } | { zoneName: string };

export interface EdgeDomain {
  /** Apex name, e.g. medsearch.example.com; CloudFront also answers www.<name>, the ALB is origin.<name>. */
  name: string;
  hostedZone: HostedZone;
}

export interface EdgeArgs {
  /** Account, partition and stack region: key policies and log-delivery conditions name them. */
  account: AccountContext;
  /** VPC of the ALB. */
  vpcId: pulumi.Input<string>;
  /** VPC CIDR: the ALB's egress range when no target security groups are given. */
  vpcCidr: string;
  /**
   * AZ names of the subnets, at least 2 distinct: an ALB needs subnets in two AZs.
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones
   */
  availabilityZones: readonly string[];
  /** Private subnet ids, one per AZ: where the internal ALB lives. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** Public subnet ids: only for an internet-facing ALB (alb.internal false). */
  publicSubnetIds?: pulumi.Input<string[]>;
  /** The system's services; those with routePath get a target group, a listener rule and a cache behavior. */
  services: readonly RoutedService[];
  /** Access-log bucket (SSE-S3, as ALB access logs require): ALB logs and CloudFront standard logs (v2). */
  logsBucket: BucketRef;
  /**
   * Key prefixes the log bucket's policy admits for each delivery (the storage tier's
   * `logPrefixes`): ALB access logs land under `<alb>/AWSLogs/<account>/`, CloudFront standard logs
   * under `<cloudfront>/`. A write outside them is denied by the bucket policy.
   */
  logPrefixes: { alb: string; cloudfront: string };
  /** Static-assets bucket, served through Origin Access Control. Absent: no S3 origin. */
  staticAssetsBucket?: BucketRef;
  /**
   * Provider for us-east-1: CloudFront's certificate, its web ACL (scope CLOUDFRONT), that ACL's log
   * group and key, and the CloudFront log delivery source all must live there.
   * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
   */
  usEast1Provider: aws.Provider;
  /** Security groups of the targets (the cluster's node group): the ALB's only egress. Empty: the VPC CIDR. */
  targetSecurityGroupIds: pulumi.Input<string>[];
  /** Custom domain; absent: CloudFront's default certificate and HTTP to the origin inside AWS. */
  domain?: EdgeDomain;
  waf: {
    /** Requests per window per client IP before blocking, 10..2,000,000,000. https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html */
    rateLimit: number;
    /** Seconds the rate rule looks back: 60, 120, 300 or 600. */
    rateLimitWindowSeconds: number;
    /** Request headers left out of WAF logs, lowercase; at most 100. */
    redactedHeaders: readonly string[];
    /**
     * A second, REGIONAL web ACL on the ALB (FSBP ELB.16), besides CloudFront's. Only an internal
     * ALB may go without: CloudFront's VPC origin is then its only way in, and CloudFront's web ACL
     * already inspects every request (checkEdgeArgs rejects the other case).
     * https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-16
     * @default true
     */
    regionalWebAcl?: boolean;
  };
  alb: {
    /** true: private subnets, reached only through a CloudFront VPC origin. false needs a domain. */
    internal: boolean;
    /** ALB deletion protection (FSBP ELB.6); true in prod. */
    deletionProtection: boolean;
    /** Idle connection timeout, seconds, 1..4000. https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#connection-idle-timeout */
    idleTimeoutSeconds: number;
  };
  cloudFront: {
    /** PriceClass_100, PriceClass_200 or PriceClass_All. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html */
    priceClass: string;
  };
  logging: {
    /** Days WAF logs are kept; one of the CloudWatch Logs retention values. */
    retentionDays: number;
    /** Regional logs KMS key (the key ring's): encrypts the ALB web ACL's log group. */
    kmsKeyArn: pulumi.Input<string>;
  };
  /** The us-east-1 key for the CloudFront web ACL's logs: deletion window (7..30 days) and protect. */
  usEast1Key: { deletionWindowDays: number; protect: boolean };
  /** Pulumi `protect` on the hosted zone this stack creates (prod). */
  protect: boolean;
}

/** Every rule AWS would reject these arguments for (empty when it would accept them). */
export function checkEdgeArgs(args: EdgeArgs): string[] {
  const errors: string[] = [];
  const azs = new Set(args.availabilityZones);
  if (azs.size < 2) {
    errors.push(`availabilityZones: an ALB needs subnets in at least 2 AZs, got ${[...azs].join(", ") || "none"}`);
  }
  if (!args.alb.internal && !args.publicSubnetIds) errors.push("publicSubnetIds: an internet-facing ALB (alb.internal false) needs the public subnets");
  if (!args.alb.internal && !args.domain) errors.push("alb.internal: an internet-facing ALB must be reached over HTTPS, which needs a domain");
  const { rateLimit, rateLimitWindowSeconds, redactedHeaders } = args.waf;
  if (!Number.isInteger(rateLimit) || rateLimit < 10 || rateLimit > 2_000_000_000) errors.push(`waf.rateLimit: ${rateLimit} is outside 10..2000000000`);
  if (![60, 120, 300, 600].includes(rateLimitWindowSeconds)) errors.push(`waf.rateLimitWindowSeconds: ${rateLimitWindowSeconds} is not 60, 120, 300 or 600`);
  if (redactedHeaders.length > 100) errors.push(`waf.redactedHeaders: ${redactedHeaders.length} headers; AWS WAF redacts at most 100 fields`);
  if (args.waf.regionalWebAcl === false && !args.alb.internal) errors.push("waf.regionalWebAcl: an internet-facing ALB can be reached around CloudFront, so it keeps its own web ACL");
  return errors;
}

/** Fails at deployment time (not plan) when the subnet list is short; ids are unknown until then. */
export function atLeastTwoSubnets(ids: string[]): string[] {
  if (ids.length < 2) throw new ComponentArgsError(`edge: an ALB needs subnets in at least 2 AZs, got ${ids.length} subnet(s)`);
  return ids;
}
