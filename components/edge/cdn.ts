/**
 * The CloudFront distribution: the ALB through a VPC origin (or, for an internet-facing ALB, over
 * HTTPS), the static-assets bucket through Origin Access Control, the CLOUDFRONT web ACL, viewer
 * HTTPS with TLS 1.2+, and standard logging (v2) to the logs bucket.
 */
import * as aws from "@pulumi/aws";
import type * as inputs from "@pulumi/aws/types/input";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";
import type { BucketRef } from "../storage/refs";
import { Behavior, ORIGIN_ID, Route, behaviors } from "./routing";
import { DEFAULT_CERTIFICATE_TLS, MANAGED_POLICY, ORIGIN_SSL_PROTOCOLS, VIEWER_TLS } from "./tls";

export interface CdnArgs {
  /** The application origin. */
  alb: aws.lb.LoadBalancer;
  /** true: reach the ALB through a VPC origin; false: over HTTPS as a custom origin. */
  internal: boolean;
  /** 443 (HTTPS to origin.<domain>) or 80 (HTTP inside AWS's network, no domain). */
  originPort: number;
  /** Domain CloudFront connects to: origin.<domain>, or the ALB's own DNS name without a domain. */
  originDomainName: pulumi.Input<string>;
  /** One ordered cache behavior to the application per route. */
  routes: readonly Route[];
  /** Absent: no S3 origin; the application serves the default behavior. */
  staticAssetsBucket?: BucketRef;
  /** Destination of standard logging (v2). */
  logsBucket: BucketRef;
  /** Key prefix under which CloudFront's standard logs land in the log bucket. */
  logPrefix: string;
  /** The CLOUDFRONT web ACL (FSBP CloudFront.6). */
  webAclArn: pulumi.Input<string>;
  /** Apex and www with a domain; empty without. */
  aliases: string[];
  /** The validated us-east-1 certificate; absent: CloudFront's default certificate. */
  viewerCertificateArn?: pulumi.Input<string>;
  /** PriceClass_100, PriceClass_200 or PriceClass_All. */
  priceClass: string;
  /** Provider for the log delivery, which CloudFront requires in us-east-1. */
  usEast1: aws.Provider;
}

export interface CdnOutputs {
  distribution: aws.cloudfront.Distribution;
  logDeliverySourceArn: pulumi.Output<string>;
}

const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
const READ_METHODS = ["GET", "HEAD", "OPTIONS"];

/** Application paths are never cached and see the viewer's request; static assets are cached. */
function cacheBehavior(b: Behavior) {
  const common = {
    targetOriginId: b.targetOriginId,
    viewerProtocolPolicy: "redirect-to-https",
    compress: true,
    cachedMethods: ["GET", "HEAD"],
    responseHeadersPolicyId: MANAGED_POLICY.securityHeaders,
  };
  return b.kind === "app"
    ? { ...common, allowedMethods: ALL_METHODS, cachePolicyId: MANAGED_POLICY.cachingDisabled, originRequestPolicyId: MANAGED_POLICY.allViewerExceptHostHeader }
    : { ...common, allowedMethods: READ_METHODS, cachePolicyId: MANAGED_POLICY.cachingOptimized };
}

/**
 * A VPC origin lets CloudFront reach the internal ALB from inside the VPC; the ALB needs no public
 * address and nothing can reach it around CloudFront and its web ACL.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html
 */
function appOrigin(parent: pulumi.Resource, name: string, args: CdnArgs): inputs.cloudfront.DistributionOrigin {
  const https = args.originPort === 443;
  if (!args.internal) {
    return {
      originId: ORIGIN_ID.app,
      domainName: args.originDomainName,
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ORIGIN_SSL_PROTOCOLS },
    };
  }
  const vpcOrigin = new aws.cloudfront.VpcOrigin(
    childName(name, "vpc-origin"),
    {
      vpcOriginEndpointConfig: {
        name: childName(name, "vpc-origin"),
        arn: args.alb.arn,
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: https ? "https-only" : "http-only",
        originSslProtocols: { items: ORIGIN_SSL_PROTOCOLS, quantity: ORIGIN_SSL_PROTOCOLS.length },
      },
      tags: tierTags("edge"),
    },
    { parent },
  );
  return { originId: ORIGIN_ID.app, domainName: args.originDomainName, vpcOriginConfig: { vpcOriginId: vpcOrigin.id } };
}

function staticOrigin(parent: pulumi.Resource, name: string, bucket: BucketRef): inputs.cloudfront.DistributionOrigin {
  // OAC signs every request (SigV4) so the bucket stays private; the bucket policy admits only this distribution.
  const oac = new aws.cloudfront.OriginAccessControl(
    childName(name, "oac"),
    { description: `${name}: static assets`, originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4" },
    { parent },
  );
  return { originId: ORIGIN_ID.static, domainName: bucket.regionalDomainName, originAccessControlId: oac.id };
}

/**
 * Standard logging (v2): vended log delivery to the logs bucket, so the bucket needs no ACLs (the
 * legacy logs do). The delivery source must be created in us-east-1.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 */
function accessLogs(parent: pulumi.Resource, name: string, distributionArn: pulumi.Output<string>, logsBucket: BucketRef, logPrefix: string, usEast1: aws.Provider): pulumi.Output<string> {
  const opts = { parent, provider: usEast1 };
  const source = new aws.cloudwatch.LogDeliverySource(childName(name, "cdn-logs-source"), { logType: "ACCESS_LOGS", resourceArn: distributionArn, tags: tierTags("edge") }, opts);
  const destination = new aws.cloudwatch.LogDeliveryDestination(
    childName(name, "cdn-logs-destination"),
    // A bucket ARN with a path puts the logs under that prefix, the one the log bucket's policy admits.
    { outputFormat: "json", deliveryDestinationConfiguration: { destinationResourceArn: pulumi.interpolate`${logsBucket.arn}/${logPrefix}` }, tags: tierTags("edge") },
    opts,
  );
  new aws.cloudwatch.LogDelivery(childName(name, "cdn-logs-delivery"), { deliverySourceName: source.name, deliveryDestinationArn: destination.arn, tags: tierTags("edge") }, opts);
  return source.arn;
}

export function createCdn(parent: pulumi.Resource, name: string, args: CdnArgs): CdnOutputs {
  const origins = [appOrigin(parent, name, args)];
  if (args.staticAssetsBucket) origins.push(staticOrigin(parent, name, args.staticAssetsBucket));
  const { defaultBehavior, ordered } = behaviors(args.routes, args.staticAssetsBucket !== undefined);
  const viewerCertificate = args.viewerCertificateArn
    ? { acmCertificateArn: args.viewerCertificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: VIEWER_TLS }
    : { cloudfrontDefaultCertificate: true, minimumProtocolVersion: DEFAULT_CERTIFICATE_TLS };
  const distribution = new aws.cloudfront.Distribution(
    childName(name, "cdn"),
    {
      enabled: true,
      comment: `${name}: ALB and static assets behind AWS WAF`,
      aliases: args.aliases,
      origins,
      defaultCacheBehavior: cacheBehavior(defaultBehavior),
      orderedCacheBehaviors: ordered.map((b) => ({ ...cacheBehavior(b), pathPattern: b.pathPattern! })),
      defaultRootObject: args.staticAssetsBucket ? "index.html" : undefined,
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      priceClass: args.priceClass,
      restrictions: { geoRestriction: { restrictionType: "none", locations: [] } },
      viewerCertificate,
      webAclId: args.webAclArn,
      tags: tierTags("edge"),
    },
    { parent },
  );
  return { distribution, logDeliverySourceArn: accessLogs(parent, name, distribution.arn, args.logsBucket, args.logPrefix, args.usEast1) };
}
