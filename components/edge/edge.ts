import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../iam/policyDocument";
import { childName } from "../naming";
import { keyPolicy } from "../security/keyPolicy";
import { tierTags } from "../tags";
import { AccountContext, accountContext } from "../account";
import { keysFor } from "../security/ownKeys";
import { EdgeArgs, ResolvedEdgeArgs, resolveEdgeArgs } from "./args";
import { cloudFrontLogDeliveryStatement, cloudFrontReadStatement } from "./bucketStatements";
import { createCdn } from "./cdn";
import { createCertificates } from "./certificates";
import { createAliasRecords } from "./dns";
import { createLoadBalancer } from "./loadBalancer";
import { originName, wwwName } from "./names";
import { routes } from "./routing";
import { createWebAcl } from "./webAcl";

export type { EdgeArgs, EdgeDomain, HostedZone } from "./args";

/**
 * The way in: CloudFront with AWS WAF, on a Route 53 domain with ACM certificates (optional), in
 * front of an internal application load balancer reached through a CloudFront VPC origin, with
 * target groups per routed service. On EKS the AWS Load Balancer Controller fills them with pods
 * through the TargetBindings component's TargetGroupBindings (targetBindings.ts).
 */
export class Edge extends pulumi.ComponentResource {
  readonly distributionId: pulumi.Output<string>;
  /** For the static-assets bucket policy: aws:SourceArn of the OAC statement. */
  readonly distributionArn: pulumi.Output<string>;
  readonly distributionDomainName: pulumi.Output<string>;
  /** https://<domain> or https://<distribution>.cloudfront.net. */
  readonly url: pulumi.Output<string>;
  readonly albArn: pulumi.Output<string>;
  readonly albDnsName: pulumi.Output<string>;
  readonly albSecurityGroupId: pulumi.Output<string>;
  /** Target group ARN per routed service. */
  readonly targetGroupArns: Record<string, pulumi.Output<string>>;
  readonly cloudFrontWebAclArn: pulumi.Output<string>;
  /** The ALB's REGIONAL web ACL; undefined with waf.regionalWebAcl false. */
  readonly albWebAclArn?: pulumi.Output<string>;
  /** The hosted zone's id, with a domain. */
  readonly hostedZoneId?: pulumi.Output<string>;
  /** Name servers to set at the registrar, when this stack created the zone. */
  readonly nameServers?: pulumi.Output<string[]>;
  /** Statements the storage tier merges into the static-assets bucket policy (CloudFront OAC read). */
  readonly staticAssetsBucketStatements: pulumi.Output<PolicyStatement[]>;
  /** Statements the storage tier merges into the logs bucket policy (CloudFront log delivery). */
  readonly logsBucketStatements: pulumi.Output<PolicyStatement[]>;
  readonly albAccessLogPrefix: string;

  constructor(name: string, args: EdgeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:edge:Edge", name, {}, opts);
    const r = resolveEdgeArgs(name, args);
    this.albAccessLogPrefix = r.logPrefixes.alb;
    const account = accountContext(this, r.account);
    const { cfWaf, albWaf, certs, lb, cdn } = this.build(name, r, account);
    const dist = cdn.distribution;
    this.distributionId = dist.id;
    this.distributionArn = dist.arn;
    this.distributionDomainName = dist.domainName;
    this.url = r.domain ? pulumi.output(`https://${r.domain.name}`) : pulumi.interpolate`https://${dist.domainName}`;
    this.albArn = lb.alb.arn;
    this.albDnsName = lb.alb.dnsName;
    this.albSecurityGroupId = lb.securityGroupId;
    this.targetGroupArns = lb.targetGroupArns;
    this.cloudFrontWebAclArn = cfWaf.arn;
    this.albWebAclArn = albWaf?.arn;
    this.hostedZoneId = certs?.zoneId;
    this.nameServers = certs?.nameServers;
    const bucket = r.staticAssetsBucket;
    this.staticAssetsBucketStatements = bucket
      ? pulumi.all([bucket.arn, dist.arn]).apply(([b, d]) => [cloudFrontReadStatement(b, d)])
      : pulumi.output([]);
    this.logsBucketStatements = pulumi
      .all([r.logsBucket.arn, cdn.logDeliverySourceArn, account])
      .apply(([b, source, a]) => [cloudFrontLogDeliveryStatement(b, a.accountId, source)]);
    this.registerOutputs({
      distributionId: this.distributionId,
      distributionArn: this.distributionArn,
      distributionDomainName: this.distributionDomainName,
      url: this.url,
      albArn: this.albArn,
      albDnsName: this.albDnsName,
      albSecurityGroupId: this.albSecurityGroupId,
      targetGroupArns: this.targetGroupArns,
      cloudFrontWebAclArn: this.cloudFrontWebAclArn,
      albWebAclArn: this.albWebAclArn,
      hostedZoneId: this.hostedZoneId,
      nameServers: this.nameServers,
    });
  }

  /** Web ACLs first (both ends attach one), then certificates, the ALB, CloudFront and DNS. */
  private build(name: string, args: ResolvedEdgeArgs, account: pulumi.Output<AccountContext>) {
    const rs = routes(args.services);
    const wafLogs = {
      rate: { limit: args.waf.rateLimit, windowSeconds: args.waf.rateLimitWindowSeconds },
      redactedHeaders: args.waf.redactedHeaders,
      retentionDays: args.logRetentionDays,
    };
    // One us-east-1 logs key for every us-east-1 log group: the CloudFront web ACL's and the zone's query logs.
    const usEast1LogsKeyArn = this.usEast1LogsKey(name, args, account);
    // The ALB's web ACL logs in the stack's region: the caller's logs key, else one of the edge's own.
    const { logs: logsKeyArn } = keysFor(this, name, ["logs"], { logs: args.logsKmsKeyArn }, { account: () => account, protect: args.usEast1Key.protect, kind: "edge" });
    const cfWaf = createWebAcl(this, childName(name, "cf-waf"), { ...wafLogs, scope: "CLOUDFRONT", kmsKeyArn: usEast1LogsKeyArn, provider: args.usEast1Provider });
    const albWaf = args.waf.regionalWebAcl === false ? undefined : createWebAcl(this, childName(name, "alb-waf"), { ...wafLogs, scope: "REGIONAL", kmsKeyArn: logsKeyArn });
    const queryLogs = { accountId: account.accountId, retentionDays: args.logRetentionDays, kmsKeyArn: usEast1LogsKeyArn };
    const certs = args.domain ? createCertificates(this, name, { domain: args.domain, usEast1: args.usEast1Provider, protect: args.protect, queryLogs }) : undefined;
    const lb = createLoadBalancer(this, name, {
      vpcId: args.vpcId,
      vpcCidr: args.vpcCidr,
      subnetIds: args.alb.internal ? args.privateSubnetIds : args.publicSubnetIds!,
      ...args.alb,
      routes: rs,
      certificateArn: certs?.originCertificateArn,
      accessLogs: { bucket: args.logsBucket.name, prefix: args.logPrefixes.alb },
      webAclArn: albWaf?.arn,
      targetSecurityGroupIds: args.targetSecurityGroupIds,
    });
    const cdn = createCdn(this, name, {
      alb: lb.alb,
      internal: args.alb.internal,
      originPort: lb.originPort,
      originDomainName: args.domain ? originName(args.domain.name) : lb.alb.dnsName,
      routes: rs,
      staticAssetsBucket: args.staticAssetsBucket,
      logsBucket: args.logsBucket,
      logPrefix: args.logPrefixes.cloudfront,
      webAclArn: cfWaf.arn,
      aliases: args.domain ? [args.domain.name, wwwName(args.domain.name)] : [],
      viewerCertificateArn: certs?.viewerCertificateArn,
      priceClass: args.cloudFront.priceClass,
      usEast1: args.usEast1Provider,
    });
    if (args.domain && certs) createAliasRecords(this, name, certs.zoneId, args.domain.name, cdn.distribution.domainName, lb.alb);
    return { cfWaf, albWaf, certs, lb, cdn };
  }

  /**
   * A log group is encrypted with a key of its own region, and both the CLOUDFRONT web ACL's log
   * group and the zone's query-log group must be in us-east-1: so a logs key there, rotating, its
   * policy admitting logs.us-east-1.amazonaws.com for this account's us-east-1 log groups (any name,
   * so /aws/route53/* too). The key keeps its first name (waf-logs-key): renaming would replace it.
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
   */
  private usEast1LogsKey(name: string, args: ResolvedEdgeArgs, account: pulumi.Output<AccountContext>): pulumi.Output<string> {
    const opts = { parent: this, provider: args.usEast1Provider };
    const key = new aws.kms.Key(
      childName(name, "waf-logs-key"),
      {
        description: `${name}: CloudFront web ACL and Route 53 query logs (us-east-1)`,
        enableKeyRotation: true,
        deletionWindowInDays: args.usEast1Key.deletionWindowDays,
        policy: account.apply((a) => JSON.stringify(keyPolicy("logs", { ...a, region: "us-east-1" }))),
        tags: tierTags("edge", { DataClass: "logs" }),
      },
      { ...opts, protect: args.usEast1Key.protect },
    );
    new aws.kms.Alias(childName(name, "waf-logs-key-alias"), { name: `alias/${name}-waf-logs`, targetKeyId: key.keyId }, opts);
    return key.arn;
  }
}
