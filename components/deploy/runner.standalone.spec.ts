/**
 * The Runner on its own, as another program declares it: a VPC, its private subnets, the GitHub
 * repository and connection, and a logs key. No account: the component asks its provider, and the
 * role's trust and policy name what the provider answers. The prod pack passes it.
 */
import { strict as assert } from "node:assert";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, mandatory, one } from "../../test/helpers";
import { REGION, standalone } from "../../test/standalone";
import { Runner } from "./runner";

const CONNECTION = `arn:aws:codeconnections:${REGION}:${MOCK_ACCOUNT_ID}:connection/0b9f3c2e-1d4a-4e5f-8a7b-6c5d4e3f2a1b`;
const LOGS_KEY = `arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

describe("Runner standalone", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new Runner("orders-runner", {
      projectName: "orders-prod-runner",
      vpcId: "vpc-0123456789abcdef0",
      privateSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
      github: { repository: "orders/infrastructure", connectionArn: CONNECTION },
      logs: { retentionDays: 90, kmsKeyArn: LOGS_KEY },
    }, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("names the account, partition and region its provider answers in the role's trust and policy", () => {
    const role = one(run, "aws:iam/role:Role");
    const [trust] = JSON.parse(role.inputs.assumeRolePolicy).Statement;
    assert.deepEqual(trust.Condition, {
      StringEquals: { "aws:SourceAccount": MOCK_ACCOUNT_ID },
      ArnLike: { "aws:SourceArn": `arn:aws:codebuild:${REGION}:${MOCK_ACCOUNT_ID}:project/orders-prod-runner` },
    });
    const policy = JSON.parse(one(run, "aws:iam/rolePolicy:RolePolicy").inputs.policy);
    const subnets = policy.Statement.flatMap((s: any) => [s.Condition?.ArnEquals?.["ec2:Subnet"] ?? []].flat());
    assert.deepEqual(subnets, ["subnet-a", "subnet-b", "subnet-c"].map((id) => `arn:aws:ec2:${REGION}:${MOCK_ACCOUNT_ID}:subnet/${id}`));
  });

  it("takes the defaults: a small build for at most an hour, only the infrastructure workflow's queued jobs", () => {
    const project = one(run, "aws:codebuild/project:Project").inputs;
    assert.deepEqual([project.environment.computeType, project.buildTimeout], ["BUILD_GENERAL1_SMALL", 60]);
    const filters = one(run, "aws:codebuild/webhook:Webhook").inputs.filterGroups[0].filters;
    assert.deepEqual(filters, [{ type: "EVENT", pattern: "WORKFLOW_JOB_QUEUED" }, { type: "WORKFLOW_NAME", pattern: "^infrastructure$" }]);
  });

  it("passes the prod pack with no mandatory violation", () => {
    assert.deepEqual(mandatory(run), []);
  });
});
