/**
 * Resource naming shared by every tier.
 *
 * Pulumi auto-names a physical resource by appending "-" and 7 random hex characters to its logical
 * name, so a logical name must leave AUTONAME_SUFFIX_LENGTH characters of room under the AWS limit
 * for that resource type. https://www.pulumi.com/docs/iac/concepts/resources/names/#autonaming
 */

/** Characters Pulumi appends when it auto-names a resource ("-" plus 7 random hex digits). */
export const AUTONAME_SUFFIX_LENGTH = 8;

/**
 * AWS physical-name limits for the resource types this platform auto-names, in characters.
 * Each links the AWS rule it obeys.
 */
export const AWS_NAME_LIMITS = {
  /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (role name: 64) */
  iamRole: 64,
  /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (policy name: 128) */
  iamPolicy: 128,
  /** https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html (group name: 255) */
  securityGroup: 255,
  /** https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html (512) */
  logGroup: 512,
  /** https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html (alias name: 256) */
  kmsAlias: 256,
} as const;

/**
 * The one way child resources are named: `${parent}-${role}` or `${parent}-${role}-${n}`.
 * `role` is kebab-case; `n` is 1-based (AZ number, replica number).
 */
export function childName(parent: string, role: string, n?: number): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(role)) {
    throw new Error(`child role "${role}" must be kebab-case (a-z, 0-9, "-")`);
  }
  if (n !== undefined && (!Number.isInteger(n) || n < 1)) {
    throw new Error(`child index ${n} must be a positive integer`);
  }
  return n === undefined ? `${parent}-${role}` : `${parent}-${role}-${n}`;
}

/** True when an auto-named resource with this logical name stays within `limit` characters on AWS. */
export function fitsWithAutonameSuffix(logicalName: string, limit: number): boolean {
  return logicalName.length + AUTONAME_SUFFIX_LENGTH <= limit;
}
