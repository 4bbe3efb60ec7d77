/**
 * The pack's coverage map of AWS Foundational Security Best Practices (FSBP) controls: which
 * controls apply to the resources a platform of this kind creates (VPC, EKS or ECS, a CodeBuild deploy runner, RDS,
 * ElastiCache, MSK or Amazon MQ, S3, EFS, ECR, CloudFront and ALB, Route 53, SNS, SQS, Firehose,
 * CloudTrail, KMS, Secrets Manager), so a reader sees at once what is enforced and what is left
 * to others.
 * Each control is enforced by the policies whose `framework` or `relatedControls` name it, or is
 * listed in CONTROL_NOTES with the reason it is not. docs/policies.md renders both.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html
 */

/** Controls the pack must answer for: each is enforced by a policy or explained in CONTROL_NOTES. */
export const TARGET_CONTROLS: readonly string[] = [
  "EC2.2", "EC2.6", "EC2.8", "EC2.18", "EC2.19", "EC2.170",
  "KMS.4",
  "CloudTrail.1", "CloudTrail.2", "CloudTrail.4",
  "EKS.1", "EKS.2", "EKS.3", "EKS.8",
  "RDS.2", "RDS.3", "RDS.5", "RDS.8", "RDS.10", "RDS.11", "RDS.13", "RDS.38",
  "ElastiCache.1", "ElastiCache.2", "ElastiCache.3", "ElastiCache.4", "ElastiCache.5",
  "MSK.1", "MSK.2",
  "S3.1", "S3.5", "S3.8", "S3.9", "S3.12", "S3.13",
  "ECR.1", "ECR.2", "ECR.3",
  "CodeBuild.1", "CodeBuild.2", "CodeBuild.3", "CodeBuild.4", "CodeBuild.5",
  "EFS.1", "EFS.2",
  "CloudFront.3", "CloudFront.6", "CloudFront.13", "CloudFront.15",
  "ELB.4", "ELB.5", "ELB.6", "ELB.16",
  "SNS.1",
  "SQS.1",
  "DataFirehose.1",
  "Route53.2",
  "SecretsManager.1",
];

/**
 * Controls no policy carries as an FSBP control, each with the reason; also shown beside a
 * control a policy does enforce where something about it needs saying.
 */
export const CONTROL_NOTES: Readonly<Record<string, string>> = {
  "S3.1":
    "Account-level: it checks the account's S3 Block Public Access setting (aws.s3.AccountPublicAccessBlock), which the account baseline (landing zone) owns, not one system's stack. Every bucket here carries its own public access block (S3.8, s3-require-bucket-public-access-block).",
  "SNS.1":
    "Retired from FSBP in April 2024 and kept in NIST SP 800-53 Rev. 5, so no policy names it as an FSBP control; sns-require-topic-encryption enforces it all the same, with a customer-managed key.",
};
