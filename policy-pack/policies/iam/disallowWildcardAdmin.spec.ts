import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { disallowWildcardAdmin as policy, wildcardAdminStatements } from "./disallowWildcardAdmin";

const scoped = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::docs/*" }] });
const admin = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });

describe("iam-disallow-wildcard-admin", () => {
  it("passes scoped policies on every policy type, and scoped managed attachments", async () => {
    for (const type of [T.iamRolePolicy, T.iamPolicy, T.iamUserPolicy, T.iamGroupPolicy]) {
      assert.deepEqual(await resourceViolations(policy, { type, props: { policy: scoped } }), [], type);
    }
    assert.deepEqual(await resourceViolations(policy, { type: T.iamRolePolicyAttachment, props: { policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy" } }), []);
    assert.deepEqual(await resourceViolations(policy, { type: T.iamRole, props: { inlinePolicies: [{ name: "p", policy: scoped }] } }), []);
  });

  it("fails * on * in a role policy", async () => {
    assert.match((await resourceViolations(policy, { type: T.iamRolePolicy, props: { policy: admin } }))[0], /every action on every resource/);
  });

  it("fails *:* on * given as an object, in a list of resources", async () => {
    const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["*:*"], Resource: ["*"] }] };
    assert.equal((await resourceViolations(policy, { type: T.iamPolicy, props: { policy: doc } })).length, 1);
  });

  it("fails * on * in a role's inline policy", async () => {
    assert.equal((await resourceViolations(policy, { type: T.iamRole, props: { inlinePolicies: [{ name: "p", policy: admin }] } })).length, 1);
  });

  it("fails an AdministratorAccess attachment", async () => {
    assert.match((await resourceViolations(policy, { type: T.iamRolePolicyAttachment, props: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } }))[0], /AdministratorAccess/);
  });

  it("allows * on a named resource, and a service wildcard such as kms:* (key policies are not IAM policies)", () => {
    assert.deepEqual(wildcardAdminStatements({ Statement: [{ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::x" }, { Effect: "Allow", Action: "kms:*", Resource: "*" }] }), []);
  });

  it("ignores Deny statements", () => {
    assert.deepEqual(wildcardAdminStatements({ Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] }), []);
  });
});
