/**
 * The deploy tier as dev and prod build it: the in-VPC runner and its one opening, 443 on the
 * cluster's private endpoint.
 */
import { strict as assert } from "node:assert";
import { Planned, one, planStackFile } from "../helpers";

const T = {
  project: "aws:codebuild/project:Project",
  webhook: "aws:codebuild/webhook:Webhook",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
};

for (const stack of ["dev", "prod"] as const) {
  describe(`deploy runner (${stack})`, () => {
    let p: Planned;
    before(async () => {
      p = await planStackFile(`Pulumi.${stack}.yaml`);
      assert.equal(p.error, undefined, p.error?.message);
    });

    it("is a CodeBuild project named for the stack, in the private subnets, behind its own security group", () => {
      const project = one(p, T.project).inputs;
      assert.equal(project.name, `medsearch-${stack}-runner`);
      assert.deepEqual(project.vpcConfig.subnets, p.outputs.privateSubnetIds);
      assert.equal(project.vpcConfig.vpcId, p.outputs.vpcId);
      assert.deepEqual(project.vpcConfig.securityGroupIds, [one(p, T.sg, "medsearch-runner-sg").id]);
      assert.equal(p.outputs.deploy.runner.runsOn, `codebuild-medsearch-${stack}-runner-\${{ github.run_id }}-\${{ github.run_attempt }}`);
    });

    it("admits nothing in and only HTTPS out, and is the one group the private API endpoint admits on 443", () => {
      const sg = one(p, T.sg, "medsearch-runner-sg");
      assert.deepEqual(sg.inputs.ingress, []);
      assert.deepEqual(sg.inputs.egress.map((e: any) => [e.protocol, e.fromPort, e.toPort, e.cidrBlocks]), [["tcp", 443, 443, ["0.0.0.0/0"]]]);
      const rules = p.resources.filter((r) => r.type === T.ingress && r.inputs.referencedSecurityGroupId === sg.id);
      assert.deepEqual(rules.map((r) => [r.name, r.inputs.securityGroupId, r.inputs.fromPort, r.inputs.toPort]), [["medsearch-cluster-api-client-1", p.outputs.cluster.clusterSecurityGroupId, 443, 443]]);
    });

    it("runs unprivileged, stores nothing, and logs only to its own log group, encrypted and expiring", () => {
      const project = one(p, T.project).inputs;
      const logs = one(p, T.logGroup, "medsearch-runner-logs");
      assert.equal(project.environment.privilegedMode, false);
      assert.deepEqual(project.artifacts, { type: "NO_ARTIFACTS" });
      assert.deepEqual(project.logsConfig, { cloudwatchLogs: { status: "ENABLED", groupName: `/aws/codebuild/medsearch-${stack}-runner` }, s3Logs: { status: "DISABLED" } });
      assert.equal(logs.inputs.name, `/aws/codebuild/medsearch-${stack}-runner`);
      assert.equal(logs.inputs.kmsKeyId, p.outputs.kmsKeyArns.logs);
      assert.equal(logs.inputs.retentionInDays, stack === "prod" ? 90 : 7);
      assert.equal(project.encryptionKey, p.outputs.kmsKeyArns.logs);
    });

    it("takes only the infrastructure workflow's queued jobs, through the configured GitHub connection", () => {
      const project = one(p, T.project).inputs;
      assert.deepEqual(project.source.auth, { type: "CODECONNECTIONS", resource: "arn:aws:codeconnections:us-west-2:123456789012:connection/00000000-0000-4000-8000-000000000000" });
      assert.equal(project.source.location, "https://github.com/example-org/medsearch-platform");
      assert.deepEqual(one(p, T.webhook).inputs.filterGroups, [{ filters: [{ type: "EVENT", pattern: "WORKFLOW_JOB_QUEUED" }, { type: "WORKFLOW_NAME", pattern: "^infrastructure$" }] }]);
    });

    it("has a role only CodeBuild can assume for this project, which waits for its policy, holding nothing to deploy with", () => {
      const role = one(p, T.role, "medsearch-runner-role");
      const trust = JSON.parse(role.inputs.assumeRolePolicy).Statement[0];
      assert.deepEqual(trust.Condition.ArnLike, { "aws:SourceArn": `arn:aws:codebuild:us-west-2:123456789012:project/medsearch-${stack}-runner` });
      const policy = one(p, T.rolePolicy, "medsearch-runner-role");
      const actions = JSON.parse(policy.inputs.policy).Statement.flatMap((s: any) => [s.Action].flat());
      assert.ok(actions.every((a: string) => /^(logs|ec2|codeconnections):/.test(a)), actions.join(", "));
      assert.ok(one(p, T.project).dependencies.includes(policy.urn), "CodeBuild checks the role's VPC permissions when it creates the project");
      assert.equal(one(p, T.project).inputs.serviceRole, role.outputs.arn);
    });
  });
}
