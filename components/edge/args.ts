/**
 * Arguments of the edge component: the settings (presets.ts) a caller may leave out, the inputs only
 * it can know, and the checks AWS would otherwise make on deployment day. Pure.
 */
import { ComponentArgsError } from "../errors";
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { AccountContext } from "../account";
import { withDefaults } from "../defaults";
import { SettingProblem, assertNoProblems, problem } from "../settings";
import type { BucketRef } from "../storage/refs";
import { EDGE_DEFAULTS, EdgeAlbSettings, EdgeSettings, EdgeWafSettings, checkEdgeSettings } from "./presets";
import type { RoutedService } from "./routing";

/** Where the domain's records live: a zone this stack creates, or an existing one. */
export type HostedZone = { create: true } | { zoneId: string } | { zoneName: string };

export interface EdgeDomain {
  /** Apex name, e.g. medsearch.example.com; CloudFront also answers www.<name>, the ALB is origin.<name>. */
  name: string;
  hostedZone: HostedZone;
}

/**
 * The Edge's arguments: every setting of EdgeSettings is optional (EDGE_DEFAULTS, the prod preset,
 * fills what is left out; `waf`, `alb`, `cloudFront` and `usEast1Key` field by field), besides what
 * only the caller knows: the VPC, its subnets, the services, the log bucket and the us-east-1 provider.
 */
export interface EdgeArgs extends Partial<Omit<EdgeSettings, "waf" | "alb" | "cloudFront" | "usEast1Key">> {
  /** Rate rule, log redaction and the ALB's own web ACL; see EdgeWafSettings. */
  waf?: Partial<EdgeWafSettings>;
  /** The load balancer's placement and attributes; see EdgeAlbSettings. */
  alb?: Partial<EdgeAlbSettings>;
  cloudFront?: Partial<EdgeSettings["cloudFront"]>;
  usEast1Key?: Partial<EdgeSettings["usEast1Key"]>;
  /**
   * Account, partition and stack region: key policies and log-delivery conditions name them.
   * @default what the component's provider answers (components/account.ts)
   */
  account?: AccountContext;
  /** VPC of the ALB. */
  vpcId: pulumi.Input<string>;
  /** VPC CIDR: the ALB's egress range when no target security groups are given. */
  vpcCidr: string;
  /**
   * AZ names of the subnets, at least 2 distinct: an ALB needs subnets in two AZs.
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones
   * @default unchecked before deployment; the subnet count is checked when it is known
   */
  availabilityZones?: readonly string[];
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
   * group and key, and the CloudFront log delivery source all must live there. The caller's, so it
   * carries the caller's credentials and default tags.
   * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
   */
  usEast1Provider: aws.Provider;
  /**
   * Security groups of the targets (the cluster's node group): the ALB's only egress.
   * @default [] (egress to the VPC CIDR on the service ports only)
   */
  targetSecurityGroupIds?: pulumi.Input<string>[];
  /** Custom domain; absent: CloudFront's default certificate and HTTP to the origin inside AWS. */
  domain?: EdgeDomain;
  /**
   * Regional logs KMS key (a KeyRing's `keyArns.logs`): encrypts the ALB web ACL's log group.
   * @default a key of the component's own, rotating, its policy admitting CloudWatch Logs
   */
  logsKmsKeyArn?: pulumi.Input<string>;
}

/** The edge's arguments with every setting filled in. */
export type ResolvedEdgeArgs = Omit<EdgeArgs, keyof EdgeSettings | "targetSecurityGroupIds"> & EdgeSettings & { targetSecurityGroupIds: pulumi.Input<string>[] };

/** Placement rules AWS (or the edge's design) would reject, given the inputs and settings together. */
function placementProblems(args: EdgeArgs, s: EdgeSettings): SettingProblem[] {
  const out: SettingProblem[] = [];
  const azs = args.availabilityZones && new Set(args.availabilityZones);
  if (azs && azs.size < 2) out.push(problem("availabilityZones", [...azs], "at least 2 distinct AZs: an ALB needs subnets in at least 2 AZs"));
  if (!s.alb.internal && !args.publicSubnetIds) out.push(problem("publicSubnetIds", undefined, "the public subnets, for an internet-facing ALB (alb.internal false)"));
  if (!s.alb.internal && !args.domain) out.push(problem("alb.internal", false, "true without a domain: an internet-facing ALB must be reached over HTTPS, which needs a domain"));
  return out;
}

/** The caller's settings over EDGE_DEFAULTS (nested objects field by field); throws listing every problem. */
export function resolveEdgeArgs(name: string, args: EdgeArgs): ResolvedEdgeArgs {
  const d = EDGE_DEFAULTS;
  const s: EdgeSettings = {
    ...withDefaults(d, { logRetentionDays: args.logRetentionDays, protect: args.protect }),
    waf: withDefaults(d.waf, args.waf ?? {}),
    alb: withDefaults(d.alb, args.alb ?? {}),
    cloudFront: withDefaults(d.cloudFront, args.cloudFront ?? {}),
    usEast1Key: withDefaults(d.usEast1Key, args.usEast1Key ?? {}),
  };
  assertNoProblems(`${name}: AWS would reject this edge`, [...checkEdgeSettings(s), ...placementProblems(args, s)]);
  return { ...args, ...s, targetSecurityGroupIds: args.targetSecurityGroupIds ?? [] };
}

/** Fails at deployment time (not plan) when the subnet list is short; ids are unknown until then. */
export function atLeastTwoSubnets(ids: string[]): string[] {
  if (ids.length < 2) throw new ComponentArgsError(`edge: an ALB needs subnets in at least 2 AZs, got ${ids.length} subnet(s)`);
  return ids;
}
