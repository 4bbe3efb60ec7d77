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

/** Every rule of every lifecycle configuration of bucket `b`. */
export function lifecycleRules(resources: PolicyResource[], b: PolicyResource): Array<Record<string, any>> {
  return settingsOf(resources, T.bucketLifecycle, b).flatMap((l) => (l.props.rules ?? []) as Array<Record<string, any>>);
}

/** The tag that declares a bucket's purpose; the log bucket carries Purpose=logs. */
export const PURPOSE_TAG = "Purpose";

/** Principals AWS log delivery writes as: S3 server access logs, vended logs, ALB (new and legacy regions). */
const LOG_DELIVERY_SERVICES = new Set(["logging.s3.amazonaws.com", "delivery.logs.amazonaws.com", "logdelivery.elasticloadbalancing.amazonaws.com"]);

/** True when the bucket's policy lets an AWS log-delivery service write to it. */
function grantsLogDelivery(resources: PolicyResource[], b: PolicyResource): boolean {
  return settingsOf(resources, T.bucketPolicy, b).some((p) => {
    let doc: { Statement?: { Effect?: string; Principal?: { Service?: string | string[] } }[] };
    try {
      doc = JSON.parse(String(p.props.policy));
    } catch {
      return false;
    }
    return (doc.Statement ?? []).some((st) => st.Effect === "Allow" && [st.Principal?.Service ?? []].flat().some((svc) => LOG_DELIVERY_SERVICES.has(svc)));
  });
}

/**
 * Log buckets: tagged Purpose=logs and actually receiving AWS log delivery — the targetBucket of
 * some BucketLogging, or a bucket whose policy admits a log-delivery service (ALB, CloudFront v2 and
 * other vended logs). S3 server access logs and ALB logs cannot be delivered to a bucket whose
 * default encryption is SSE-KMS, so these are the only buckets allowed SSE-S3 and the only ones
 * that do not log themselves (a log bucket logging to itself loops). Both conditions are required,
 * so no data bucket slips out of KMS by a tag alone.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
export function accessLogTargets(resources: PolicyResource[]): PolicyResource[] {
  const logging = resources.filter((r) => r.type === T.bucketLogging);
  return buckets(resources).filter(
    (b) => b.props.tags?.[PURPOSE_TAG] === "logs" && (logging.some((l) => refersToBucket(l, "targetBucket", b)) || grantsLogDelivery(resources, b)),
  );
}
