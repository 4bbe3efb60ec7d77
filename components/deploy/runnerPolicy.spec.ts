import { strict as assert } from "node:assert";
import * as fc from "fast-check";
import { projectArn, runnerPolicy, runnerTrustPolicy } from "./runnerPolicy";

const account = { partition: "aws", region: "us-west-2", accountId: "123456789012" };
const input = {
  ...account,
  logGroupArn: "arn:aws:logs:us-west-2:123456789012:log-group:/aws/codebuild/medsearch-dev-runner",
  subnetIds: ["subnet-a", "subnet-b"],
  connectionArn: "arn:aws:codeconnections:us-west-2:123456789012:connection/0b9f3c2e-1d4a-4e5f-8a7b-6c5d4e3f2a1b",
};

describe("runner IAM", () => {
  it("lets only CodeBuild assume the role, for this account's project of this name", () => {
    const [st] = runnerTrustPolicy(account, "medsearch-dev-runner").Statement;
    assert.deepEqual(st.Principal, { Service: "codebuild.amazonaws.com" });
    assert.deepEqual(st.Condition, {
      StringEquals: { "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:codebuild:us-west-2:123456789012:project/medsearch-dev-runner" },
    });
  });

  it("writes only its own log group's streams and uses only its own connection", () => {
    const byId = Object.fromEntries(runnerPolicy(input).Statement.map((s) => [s.Sid, s]));
    assert.equal(byId.WriteBuildLogs.Resource, `${input.logGroupArn}:*`);
    assert.equal(byId.UseGitHubConnection.Resource, input.connectionArn);
  });

  it("attaches network interfaces only in the project's subnets, for CodeBuild", () => {
    const st = runnerPolicy(input).Statement.find((s) => s.Sid === "AttachInProjectSubnetsOnly")!;
    assert.deepEqual(st.Condition, {
      StringEquals: { "ec2:AuthorizedService": "codebuild.amazonaws.com" },
      ArnEquals: { "ec2:Subnet": ["arn:aws:ec2:us-west-2:123456789012:subnet/subnet-a", "arn:aws:ec2:us-west-2:123456789012:subnet/subnet-b"] },
    });
  });

  it("grants no wildcard action, nothing to deploy with, and names every subnet it is given", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^subnet-[0-9a-f]{8}$/), { minLength: 1, maxLength: 6 }), (subnetIds) => {
      const doc = runnerPolicy({ ...input, subnetIds });
      const actions = doc.Statement.flatMap((s) => [s.Action].flat());
      assert.ok(actions.every((a) => !a.includes("*")));
      assert.ok(actions.every((a) => /^(logs|ec2|codeconnections):/.test(a)), "no IAM, STS, EKS or other deploy permission");
      const subnets = doc.Statement.find((s) => s.Sid === "AttachInProjectSubnetsOnly")!.Condition!.ArnEquals!["ec2:Subnet"];
      assert.deepEqual(subnets, subnetIds.map((id) => `arn:aws:ec2:us-west-2:123456789012:subnet/${id}`));
    }));
  });

  it("names the project by partition, region and account", () => {
    assert.equal(projectArn({ partition: "aws-us-gov", region: "us-gov-west-1", accountId: "111122223333" }, "p"), "arn:aws-us-gov:codebuild:us-gov-west-1:111122223333:project/p");
  });
});
