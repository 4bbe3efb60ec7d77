/**
 * The audit trail's KMS key policy and the statements the log bucket needs for CloudTrail delivery.
 * Pure; no Pulumi imports.
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../iam/policyDocument";
import type { AccountContext } from "../account";
import { accountRoot } from "../security/keyPolicy";
import { LOG_PREFIXES } from "../storage/bucketPolicy";

export const CLOUDTRAIL = "cloudtrail.amazonaws.com";

/** Where CloudTrail writes in the log bucket; it appends AWSLogs/<account>/... itself. */
export const TRAIL_PREFIX = LOG_PREFIXES.cloudtrail;

export function trailArn(c: AccountContext, trailName: string): string {
  return `arn:${c.partition}:cloudtrail:${c.region}:${c.accountId}:trail/${trailName}`;
}

/**
 * Key policy of the trail key: CloudTrail may generate data keys only for this trail (aws:SourceArn)
 * and only with this account's trail encryption context; readers decrypt through IAM (the account
 * statement), so reading the audit log is a deliberate grant.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
 */
export function trailKeyPolicy(c: AccountContext, trail: string): PolicyDocument {
  return policyDocument(
    accountRoot(c),
    {
      Sid: "AllowCloudTrailEncrypt",
      Effect: "Allow",
      Principal: { Service: CLOUDTRAIL },
      Action: "kms:GenerateDataKey*",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:SourceArn": trail },
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${c.partition}:cloudtrail:*:${c.accountId}:trail/*` },
      },
    },
    { Sid: "AllowCloudTrailDescribeKey", Effect: "Allow", Principal: { Service: CLOUDTRAIL }, Action: "kms:DescribeKey", Resource: "*", Condition: { StringEquals: { "aws:SourceArn": trail } } },
  );
}

export interface TrailDelivery {
  bucketArn: string;
  accountId: string;
  trailArn: string;
}

/**
 * The two statements a bucket policy needs before CreateTrail succeeds: CloudTrail checks the
 * bucket ACL, then writes under <prefix>/AWSLogs/<account>/ with bucket-owner-full-control; both
 * only for this trail. The storage tier adds them to the log bucket's policy.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
 */
export function cloudTrailBucketStatements(d: TrailDelivery): PolicyStatement[] {
  const thisTrail = { "aws:SourceArn": d.trailArn };
  return [
    { Sid: "CloudTrailAclCheck", Effect: "Allow", Principal: { Service: CLOUDTRAIL }, Action: "s3:GetBucketAcl", Resource: d.bucketArn, Condition: { StringEquals: thisTrail } },
    {
      Sid: "CloudTrailWrite",
      Effect: "Allow",
      Principal: { Service: CLOUDTRAIL },
      Action: "s3:PutObject",
      Resource: `${d.bucketArn}/${TRAIL_PREFIX}/AWSLogs/${d.accountId}/*`,
      Condition: { StringEquals: { ...thisTrail, "s3:x-amz-acl": "bucket-owner-full-control" } },
    },
  ];
}
