/**
 * Key policies per data class. Pure; no Pulumi imports.
 *
 * Every key keeps the default statement that lets the account's IAM policies grant use of the key;
 * without it the key becomes unmanageable.
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
import type { AccountContext } from "../account";
import { PolicyDocument, PolicyStatement, policyDocument } from "../iam/policyDocument";

/**
 * Data classes, one customer-managed key each, so a grant on one class never exposes another.
 * - data: databases, caches, volumes, buckets (patient data lives here)
 * - logs: CloudWatch log groups
 * - secrets: Secrets Manager secrets
 */
export const DATA_CLASSES = ["data", "logs", "secrets"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** The default key-policy statement: the account's IAM policies decide who may use the key. Other tiers' keys start from it too. */
export function accountRoot(ctx: AccountContext): PolicyStatement {
  return {
    Sid: "EnableIamPolicies",
    Effect: "Allow",
    Principal: { AWS: `arn:${ctx.partition}:iam::${ctx.accountId}:root` },
    Action: "kms:*",
    Resource: "*",
  };
}

/**
 * CloudWatch Logs encrypts with the key as the regional service principal, scoped by encryption
 * context to this account's log groups; without it CreateLogGroup with kmsKeyId fails.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
function cloudWatchLogs(ctx: AccountContext): PolicyStatement {
  return {
    Sid: "AllowCloudWatchLogs",
    Effect: "Allow",
    Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    Resource: "*",
    Condition: {
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*` },
    },
  };
}

export function keyPolicy(dataClass: DataClass, ctx: AccountContext): PolicyDocument {
  switch (dataClass) {
    case "logs":
      return policyDocument(accountRoot(ctx), cloudWatchLogs(ctx));
    // RDS, ElastiCache, EBS, S3 and Secrets Manager use the key with the caller's IAM permissions
    // (kms:ViaService), which the account statement delegates to IAM.
    case "data":
    case "secrets":
      return policyDocument(accountRoot(ctx));
  }
}
