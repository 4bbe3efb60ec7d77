/**
 * Checks on the Storage component's arguments that AWS would otherwise reject mid-deployment. The
 * stack's config validation runs the same naming and lifecycle rules with its config keys; these
 * protect direct callers. Pure.
 */
import { SettingProblem, problem } from "../settings";
import { LIFECYCLE_PRESETS, LifecyclePolicy, lifecycleProblems } from "./lifecycle";
import { LONGEST_REGION, bucketName, bucketNameProblem } from "./naming";
import type { BucketSpec } from "./storage";

export interface StorageCheckInput {
  system: string;
  profile?: string;
  /** Known when the caller gives the account; otherwise names are checked for any 12-digit account. */
  accountId?: string;
  /** Known when the caller gives the account; otherwise names are checked for the longest region. */
  region?: string;
  replicaRegion?: string;
  buckets: BucketSpec[];
}

export const effectiveLifecycle = (b: BucketSpec): LifecyclePolicy => b.lifecycle ?? LIFECYCLE_PRESETS[b.purpose];

/** The log bucket every other bucket's access logs land in, added when the caller lists none. */
export const DEFAULT_LOG_BUCKET: BucketSpec = { name: "logs", purpose: "logs" };

export function withLogBucket(buckets: readonly BucketSpec[]): BucketSpec[] {
  return buckets.some((b) => b.purpose === "logs") ? [...buckets] : [...buckets, DEFAULT_LOG_BUCKET];
}

function bucketProblems(c: StorageCheckInput, b: BucketSpec, i: number, seen: Map<string, number>): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (seen.has(b.name)) problems.push(problem(`buckets[${i}].name`, b.name, `a name not already used by buckets[${seen.get(b.name)}]`));
  seen.set(b.name, i);
  if (b.purpose === "logs" && b.critical) {
    problems.push(problem(`buckets[${i}].critical`, true, "false for the logs bucket: access logs stay in their region, and the second region gets its own log bucket"));
  }
  for (const region of [c.region ?? LONGEST_REGION, ...(b.critical && c.replicaRegion ? [c.replicaRegion] : [])]) {
    const name = bucketName({ system: c.system, profile: c.profile, name: b.name, accountId: c.accountId ?? "000000000000", region });
    const invalid = bucketNameProblem(name);
    if (invalid) problems.push(problem(`buckets[${i}].name`, b.name, `a name whose derived bucket name S3 accepts; "${name}" is not: ${invalid}`));
  }
  for (const p of lifecycleProblems(effectiveLifecycle(b))) problems.push(problem(`buckets[${i}].lifecycle.${p.field}`, p.value, p.allowed));
  return problems;
}

/** Every problem with the buckets and regions, each naming its argument. */
export function storageArgProblems(c: StorageCheckInput): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const logs = c.buckets.filter((b) => b.purpose === "logs");
  if (logs.length > 1) problems.push(problem("buckets", logs.map((b) => b.name), `at most one bucket with purpose "logs" (one named logs is added when none is listed)`));
  if (c.replicaRegion !== undefined && c.replicaRegion === c.region) {
    problems.push(problem("replication.region", c.replicaRegion, `a region other than the component's own (${c.region})`));
  }
  const seen = new Map<string, number>();
  c.buckets.forEach((b, i) => problems.push(...bucketProblems(c, b, i, seen)));
  return problems;
}
