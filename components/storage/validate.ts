/**
 * Checks on the Storage component's arguments that AWS would otherwise reject mid-deployment. Config
 * validation runs the same checks with full config keys; these protect direct callers. Pure.
 */
import { LIFECYCLE_PRESETS, LifecyclePolicy, lifecycleProblems } from "./lifecycle";
import type { BucketSpec } from "./storage";
import { bucketName, bucketNameProblem } from "./naming";

export interface StorageCheckInput {
  system: string;
  profile: string;
  accountId: string;
  region: string;
  replicaRegion?: string;
  buckets: BucketSpec[];
}

export const effectiveLifecycle = (b: BucketSpec): LifecyclePolicy => b.lifecycle ?? LIFECYCLE_PRESETS[b.purpose];

/** Every problem, each naming the config key it comes from. */
export function storageArgProblems(c: StorageCheckInput): string[] {
  const problems: string[] = [];
  const logs = c.buckets.filter((b) => b.purpose === "logs");
  if (logs.length !== 1) problems.push(`platform:storage.buckets: exactly one bucket with purpose "logs" is needed, found ${logs.length}`);
  if (c.replicaRegion === c.region) problems.push(`platform:storage.replication.region: got "${c.replicaRegion}"; allowed: a region other than aws:region (${c.region})`);
  c.buckets.forEach((b, i) => {
    for (const region of [c.region, ...(b.critical && c.replicaRegion ? [c.replicaRegion] : [])]) {
      const name = bucketName({ system: c.system, profile: c.profile, name: b.name, accountId: c.accountId, region });
      const problem = bucketNameProblem(name);
      if (problem) problems.push(`platform:storage.buckets[${i}].name: derived bucket name "${name}" is invalid: ${problem}`);
    }
    for (const p of lifecycleProblems(effectiveLifecycle(b))) problems.push(`platform:storage.buckets[${i}].lifecycle.${p.field}: got ${JSON.stringify(p.value)}; allowed: ${p.allowed}`);
  });
  return problems;
}
