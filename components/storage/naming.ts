/**
 * Bucket names. Pure; no Pulumi imports.
 *
 * S3 bucket names share one global namespace, so they are derived, never auto-named: Pulumi's
 * auto-name (logical name + "-" + 7 hex) would be unique but unreadable, and a name that carries the
 * account id and region cannot collide with another account's buckets or with this stack's own
 * replicas in a second region.
 * Rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */

/** Bucket names are 3 to 63 characters. */
export const BUCKET_NAME_MAX_LENGTH = 63;

/** AWS account ids are always 12 digits. */
export const ACCOUNT_ID_LENGTH = 12;

/**
 * The longest region name the platform accepts (stacks/config/values.ts REGION_PATTERN), e.g.
 * "ap-southeast-5": 2 + 1 + 9 + 1 + 1 characters. Config validation runs before the region is
 * bound to a bucket (replicas live in a second region), so it budgets for the longest one.
 */
export const LONGEST_REGION_LENGTH = 14;

/** A region of that length, for checking a name before the region is known. */
export const LONGEST_REGION = "ap-southeast-5";

export interface BucketNameParts {
  /** platform:name, the system (3 to 16 characters); a direct caller's Storage name by default. */
  system: string;
  /** platform:profile, so a dev and a prod stack in one account never share a bucket; absent for a direct caller who gives none. */
  profile?: string;
  /** The bucket's short config name (platform:storage.buckets[].name). */
  name: string;
  accountId: string;
  region: string;
}

/** `<system>-<profile>-<name>-<account>-<region>`, e.g. medsearch-prod-documents-123456789012-us-west-2; without a profile, `<system>-<name>-<account>-<region>`. */
export function bucketName(p: BucketNameParts): string {
  return [p.system, ...(p.profile ? [p.profile] : []), p.name, p.accountId, p.region].join("-");
}

/** Characters left for the config name once the other parts take the most they ever can. */
export function maxBucketConfigNameLength(system: string, profile?: string): number {
  return BUCKET_NAME_MAX_LENGTH - bucketName({ system, profile, name: "", accountId: "x".repeat(ACCOUNT_ID_LENGTH), region: LONGEST_REGION }).length;
}

/** Prefixes and suffixes S3 reserves for its own features (access point aliases, Object Lambda, ...). */
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", "--x-s3", "--table-s3", ".mrap"];

/** The general-purpose bucket naming rules, minus dots (virtual-hosted TLS breaks on dotted names). */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > BUCKET_NAME_MAX_LENGTH) return `${name.length} characters; S3 allows 3 to ${BUCKET_NAME_MAX_LENGTH}`;
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(name)) return "only a-z, 0-9 and '-', starting and ending with a letter or digit";
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `starts with "${prefix}", which S3 reserves`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `ends with "${suffix}", which S3 reserves`;
  return undefined;
}
