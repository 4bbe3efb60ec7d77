/**
 * IAM for the log archive: CloudWatch Logs puts records into a Firehose stream, Firehose writes
 * them to the log bucket encrypted with the logs key. Exact actions on exact resources. Pure.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html#FirehoseExample
 * https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-s3
 */
import { PolicyDocument, policyDocument, serviceTrustPolicy } from "../iam/policyDocument";
import type { AccountContext } from "../account";
import { LOG_PREFIXES } from "../storage/bucketPolicy";

/** Where archived log events land in the log bucket (Firehose appends yyyy/MM/dd/HH/). */
export const ARCHIVE_PREFIX = LOG_PREFIXES.cloudwatchLogs;

/** CloudWatch Logs assumes the subscription role, for this account's log groups only. */
export function logsSubscriptionTrust(c: AccountContext): PolicyDocument {
  return serviceTrustPolicy("logs.amazonaws.com", c.accountId, `arn:${c.partition}:logs:${c.region}:${c.accountId}:*`);
}

export function putIntoStream(streamArn: string): PolicyDocument {
  return policyDocument({ Sid: "PutLogRecords", Effect: "Allow", Action: ["firehose:PutRecord", "firehose:PutRecordBatch"], Resource: streamArn });
}

export function firehoseTrust(c: AccountContext): PolicyDocument {
  return serviceTrustPolicy("firehose.amazonaws.com", c.accountId);
}

export interface ArchiveWrite {
  bucketArn: string;
  logsKeyArn: string;
  region: string;
}

/**
 * Firehose writes objects under the archive prefix and encrypts them with the logs key, through S3
 * only (kms:ViaService) and only for objects under that prefix (the S3 encryption context).
 */
export function writeArchive(a: ArchiveWrite): PolicyDocument {
  return policyDocument(
    { Sid: "ListBucket", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], Resource: a.bucketArn },
    { Sid: "WriteArchive", Effect: "Allow", Action: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"], Resource: `${a.bucketArn}/${ARCHIVE_PREFIX}/*` },
    {
      Sid: "EncryptArchive",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: a.logsKeyArn,
      Condition: {
        StringEquals: { "kms:ViaService": `s3.${a.region}.amazonaws.com` },
        StringLike: { "kms:EncryptionContext:aws:s3:arn": `${a.bucketArn}/${ARCHIVE_PREFIX}/*` },
      },
    },
  );
}
