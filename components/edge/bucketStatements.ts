/**
 * Bucket-policy statements the edge needs on buckets the storage tier owns. A bucket has exactly one
 * policy, so the edge never writes one: the storage tier merges these into its own. Pure; no Pulumi
 * imports.
 */
import type { Principal, PolicyStatement } from "../iam/policyDocument";

/**
 * CloudFront reads the static-assets bucket through Origin Access Control, signed as the
 * cloudfront.amazonaws.com service and only on behalf of this distribution.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
 */
export function cloudFrontReadStatement(bucketArn: string, distributionArn: string): PolicyStatement {
  return {
    Sid: "AllowCloudFrontOacRead",
    Effect: "Allow",
    Principal: { Service: "cloudfront.amazonaws.com" },
    Action: "s3:GetObject",
    Resource: `${bucketArn}/*`,
    Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
  };
}

/**
 * CloudFront standard logging (v2) writes through CloudWatch Logs' vended-log delivery as
 * delivery.logs.amazonaws.com, under AWSLogs/<account>/, for this account's delivery source only.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-S3.html
 */
export function cloudFrontLogDeliveryStatement(bucketArn: string, accountId: string, deliverySourceArn: string): PolicyStatement {
  return {
    Sid: "AllowCloudFrontLogDelivery",
    Effect: "Allow",
    Principal: { Service: "delivery.logs.amazonaws.com" },
    Action: "s3:PutObject",
    Resource: `${bucketArn}/AWSLogs/${accountId}/*`,
    Condition: {
      StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": accountId },
      ArnLike: { "aws:SourceArn": deliverySourceArn },
    },
  };
}

/**
 * ALB access logs are written by Elastic Load Balancing under <prefix>/AWSLogs/<account>/. The writer
 * is the region's ELB account in regions launched before August 2022 (aws.elb.getServiceAccount) and
 * the logdelivery.elasticloadbalancing.amazonaws.com service in newer ones, so the caller passes it.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
export function albAccessLogStatement(bucketArn: string, prefix: string, accountId: string, writer: Principal): PolicyStatement {
  return {
    Sid: "AllowAlbAccessLogs",
    Effect: "Allow",
    Principal: writer,
    Action: "s3:PutObject",
    Resource: `${bucketArn}/${prefix}/AWSLogs/${accountId}/*`,
  };
}

/**
 * If the static-assets bucket is encrypted with a customer-managed KMS key (SSE-KMS), that key's
 * policy needs this statement too, or CloudFront gets AccessDenied on every object.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#oac-permission-to-access-s3
 */
export function cloudFrontKeyStatement(distributionArn: string): PolicyStatement {
  return {
    Sid: "AllowCloudFrontOacDecrypt",
    Effect: "Allow",
    Principal: { Service: "cloudfront.amazonaws.com" },
    Action: "kms:Decrypt",
    Resource: "*",
    Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
  };
}
