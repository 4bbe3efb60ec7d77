/**
 * S3 buckets as a stack policy sees them. The aws v7 provider splits a bucket's settings into
 * separate resources (versioning, encryption, policy, ...), each naming its bucket in `bucket`; a
 * setting belongs to a bucket when that property depends on the bucket resource or equals its name.
 */
import type { PolicyResource } from "@pulumi/policy";
import { T } from "./types";
import { known } from "./unknowns";

/**
 * The bucket's physical name: `bucket` (the name argument and output), else its id. Read with
 * `known`: during preview an auto-named bucket's id is unknown, and its name then is too.
 */
export function bucketName(b: PolicyResource): string | undefined {
  const name = known(b.props, "bucket") ?? known(b.props, "id");
  return typeof name === "string" ? name : undefined;
}

/**
 * True when `r.props[prop]` names bucket `b`, by property dependency or by value. During preview a
 * setting's `bucket` (the bucket's id) is unknown, but its property dependency still links them.
 */
export function refersToBucket(r: PolicyResource, prop: string, b: PolicyResource): boolean {
  if ((r.propertyDependencies[prop] ?? []).some((d) => d.urn === b.urn)) return true;
  const value = known(r.props, prop);
  return typeof value === "string" && value === bucketName(b);
}

/** Resources of `type` that configure bucket `b`. */
export function settingsOf(resources: PolicyResource[], type: string, b: PolicyResource): PolicyResource[] {
  return resources.filter((r) => r.type === type && refersToBucket(r, "bucket", b));
}

export const buckets = (resources: PolicyResource[]) => resources.filter((r) => r.type === T.bucket);

/** The tag that declares a bucket's purpose; the log bucket carries Purpose=logs. */
export const PURPOSE_TAG = "Purpose";

/**
 * Log buckets: tagged Purpose=logs and the targetBucket of some BucketLogging. S3 server access
 * logging cannot deliver to a bucket whose default encryption is SSE-KMS, so these are the only
 * buckets allowed SSE-S3 and the only ones that do not log themselves (a log bucket logging to
 * itself loops). Both conditions are required, so no data bucket slips out of KMS by being named
 * as a log target.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export function accessLogTargets(resources: PolicyResource[]): PolicyResource[] {
  const logging = resources.filter((r) => r.type === T.bucketLogging);
  return buckets(resources).filter((b) => b.props.tags?.[PURPOSE_TAG] === "logs" && logging.some((l) => refersToBucket(l, "targetBucket", b)));
}
