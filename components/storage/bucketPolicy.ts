/**
 * Bucket policies. Pure; no Pulumi imports. Every bucket denies plain-HTTP requests; the log bucket
 * also admits the three AWS log-delivery services, each limited to its own prefix and, where the
 * service supports it, to this account's sources.
 */
import { PolicyDocument, PolicyStatement, denyInsecureTransport, policyDocument } from "../iam/policyDocument";

/** Where each log source writes in the log bucket. The edge tier sets these prefixes on the ALB and CloudFront. */
export const LOG_PREFIXES = {
  /** S3 server access logs, one folder per source bucket: `s3-access/<config name>/`. */
  s3Access: "s3-access",
  /** ALB access logs (ELB appends AWSLogs/<account>/elasticloadbalancing/...). */
  alb: "alb",
  /** CloudFront standard logging v2 through CloudWatch vended-log delivery. */
  cloudfront: "cloudfront",
  /** The monitoring tier's CloudTrail trail (CloudTrail appends AWSLogs/<account>/...). */
  cloudtrail: "cloudtrail",
  /** The monitoring tier's application-log archive (Firehose, same account: IAM grants it, not this policy). */
  cloudwatchLogs: "cloudwatch-logs",
} as const;

/**
 * Denies every request on the bucket and its objects that is not over TLS, for every principal (FSBP S3.5).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 */
const tlsOnly = (bucketArn: string): PolicyStatement => denyInsecureTransport("*", "s3:*", [bucketArn, `${bucketArn}/*`]);

/**
 * The ELB account that delivers access logs in regions opened before August 2022; newer regions use
 * the logdelivery.elasticloadbalancing.amazonaws.com service principal instead.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 * (table as in terraform-provider-aws internal/service/elb/service_account_data_source.go)
 */
export const LEGACY_ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021", "us-east-2": "033677994240", "us-west-1": "027434742980", "us-west-2": "797873946194",
  "af-south-1": "098369216593", "ap-east-1": "754344448648", "ap-south-1": "718504428378", "ap-northeast-1": "582318560864",
  "ap-northeast-2": "600734575887", "ap-northeast-3": "383597477331", "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266", "ap-southeast-3": "589379963580", "ca-central-1": "985666609251",
  "eu-central-1": "054676820928", "eu-north-1": "897822967062", "eu-south-1": "635631232127", "eu-west-1": "156460612806",
  "eu-west-2": "652711504416", "eu-west-3": "009996457667", "me-south-1": "076674570225", "sa-east-1": "507241528517",
};

export const ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

/** The principal ELB writes access logs as, in this region. */
export function elbLogDeliveryPrincipal(region: string, partition: string): PolicyStatement["Principal"] {
  const legacy = LEGACY_ELB_LOG_ACCOUNTS[region];
  return legacy ? { AWS: `arn:${partition}:iam::${legacy}:root` } : { Service: ELB_LOG_DELIVERY_SERVICE };
}

export interface LogBucketContext {
  bucketArn: string;
  accountId: string;
  partition: string;
  region: string;
  /** ARNs of the buckets that send server access logs here (aws:SourceArn). */
  sourceBucketArns: string[];
  /** Statements other tiers need for their deliveries (the monitoring tier's CloudTrail). */
  extraStatements?: PolicyStatement[];
}

/**
 * S3 server access logging writes as logging.s3.amazonaws.com; with BucketOwnerEnforced ownership a
 * bucket policy is the only way to admit it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
function serverAccessLogs(c: LogBucketContext): PolicyStatement {
  return {
    Sid: "S3ServerAccessLogs",
    Effect: "Allow",
    Principal: { Service: "logging.s3.amazonaws.com" },
    Action: "s3:PutObject",
    Resource: `${c.bucketArn}/${LOG_PREFIXES.s3Access}/*`,
    Condition: { StringEquals: { "aws:SourceAccount": c.accountId }, ArnLike: { "aws:SourceArn": c.sourceBucketArns } },
  };
}

function albAccessLogs(c: LogBucketContext): PolicyStatement {
  return {
    Sid: "AlbAccessLogs",
    Effect: "Allow",
    Principal: elbLogDeliveryPrincipal(c.region, c.partition),
    Action: "s3:PutObject",
    Resource: `${c.bucketArn}/${LOG_PREFIXES.alb}/AWSLogs/${c.accountId}/*`,
  };
}

/**
 * CloudFront standard logging v2 delivers through CloudWatch vended logs as delivery.logs.amazonaws.com.
 * Its delivery sources live in us-east-1 (CloudFront is global), so both that region and the stack's
 * are admitted as sources. Legacy CloudFront logging needs bucket ACLs, which BucketOwnerEnforced forbids.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-S3.html
 */
function vendedLogs(c: LogBucketContext): PolicyStatement[] {
  const sources = [...new Set([c.region, "us-east-1"])].map((r) => `arn:${c.partition}:logs:${r}:${c.accountId}:*`);
  const condition = { StringEquals: { "aws:SourceAccount": c.accountId }, ArnLike: { "aws:SourceArn": sources } };
  return [
    {
      Sid: "VendedLogsWrite",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${c.bucketArn}/${LOG_PREFIXES.cloudfront}/*`,
      Condition: { ...condition, StringEquals: { ...condition.StringEquals, "s3:x-amz-acl": "bucket-owner-full-control" } },
    },
    {
      Sid: "VendedLogsAclCheck",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: ["s3:GetBucketAcl", "s3:ListBucket"],
      Resource: c.bucketArn,
      Condition: condition,
    },
  ];
}

/** Policy of an ordinary bucket: TLS only. Services get access through their IAM roles. */
export function bucketPolicy(bucketArn: string): PolicyDocument {
  return policyDocument(tlsOnly(bucketArn));
}

/** Policy of the log bucket: TLS only, plus the three delivery services. */
export function logBucketPolicy(c: LogBucketContext): PolicyDocument {
  const statements = [tlsOnly(c.bucketArn), albAccessLogs(c), ...vendedLogs(c)];
  // An ArnLike with an empty list matches nothing; leave the statement out instead.
  if (c.sourceBucketArns.length > 0) statements.splice(1, 0, serverAccessLogs(c));
  return policyDocument(...statements, ...(c.extraStatements ?? []));
}

/** Policy of an access-log target that only S3 server access logs write to (the second region's). */
export function accessLogBucketPolicy(c: LogBucketContext): PolicyDocument {
  return policyDocument(tlsOnly(c.bucketArn), ...(c.sourceBucketArns.length > 0 ? [serverAccessLogs(c)] : []));
}
