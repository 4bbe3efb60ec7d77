import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { assertOneViolation, awsxChildVpc, awsxVpc, check, dependsOn, fixture, plainVpc, withOutputs } from "../../test/fixtures";
import { requireVpcFlowLogs } from "./requireVpcFlowLogs";

const delivery = { trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: "arn:aws:logs:us-west-2:123456789012:log-group:flow-logs" };
/** The awsx VPC's flow log: vpcId is the component's output, so it links by property dependency only. */
const awsxFlowLog = fixture(T.flowLog, "main-flow-log", { outputs: delivery, ...dependsOn({ vpcId: [awsxVpc.urn] }) });
/** The plain VPC's flow log links by value: its vpcId output is the VPC's id. */
const plainFlowLog = fixture(T.flowLog, "legacy-flow-log", { outputs: { ...delivery, vpcId: "vpc-2" } });
/** Both VPC shapes, each with its flow log. */
const stack = [awsxVpc, awsxFlowLog, plainVpc, plainFlowLog];
const expected = (vpc: string) => [new RegExp(`VPC ${vpc} has no flow log`), /add an aws\.ec2\.FlowLog whose vpcId is this VPC/];

describe("ec2-require-vpc-flow-logs", () => {
  it("passes an awsx VPC and a plain VPC that each have a flow log", async () => {
    assert.deepEqual(await check(requireVpcFlowLogs, stack), []);
  });

  it("flags an awsx VPC whose flow log's vpcId depends on another VPC", async () => {
    const elsewhere = { ...awsxFlowLog, ...dependsOn({ vpcId: [plainVpc.urn] }) };
    const v = assertOneViolation(await check(requireVpcFlowLogs, [awsxVpc, elsewhere, plainVpc, plainFlowLog]), requireVpcFlowLogs, expected("main"));
    assert.equal(v.urn, awsxVpc.urn);
  });

  it("flags a plain VPC whose flow log's vpcId is another VPC's id", async () => {
    const elsewhere = withOutputs(plainFlowLog, { vpcId: "vpc-9" });
    const v = assertOneViolation(await check(requireVpcFlowLogs, [awsxVpc, awsxFlowLog, plainVpc, elsewhere]), requireVpcFlowLogs, expected("legacy"));
    assert.equal(v.urn, plainVpc.urn);
  });

  it("flags a VPC whose flow log records only accepted traffic", async () => {
    const acceptOnly = withOutputs(awsxFlowLog, { trafficType: "ACCEPT" });
    const v = assertOneViolation(await check(requireVpcFlowLogs, [awsxVpc, acceptOnly, plainVpc, plainFlowLog]), requireVpcFlowLogs,
      [/^VPC main logs only ACCEPT traffic, so rejected connections leave no trace; set trafficType "ALL" \(or "REJECT"\) on its aws\.ec2\.FlowLog\.$/]);
    assert.equal(v.urn, awsxVpc.urn);
  });

  it("passes a VPC whose flow log records rejected traffic only", async () => {
    assert.deepEqual(await check(requireVpcFlowLogs, [awsxVpc, withOutputs(awsxFlowLog, { trafficType: "REJECT" }), plainVpc, plainFlowLog]), []);
  });

  it("flags a plain VPC with no flow log at all", async () => {
    const v = assertOneViolation(await check(requireVpcFlowLogs, [awsxVpc, awsxFlowLog, plainVpc]), requireVpcFlowLogs, expected("legacy"));
    assert.equal(v.urn, plainVpc.urn);
  });

  describe("real run: awsx's child aws:ec2 VPC is folded into the component", () => {
    it("passes when the child VPC is present and the flow log depends on the component", async () => {
      assert.deepEqual(await check(requireVpcFlowLogs, [...stack, awsxChildVpc]), []);
    });

    it("passes when the flow log's vpcId depends on the child VPC", async () => {
      const onChild = { ...awsxFlowLog, ...dependsOn({ vpcId: [awsxChildVpc.urn] }) };
      assert.deepEqual(await check(requireVpcFlowLogs, [awsxVpc, awsxChildVpc, onChild, plainVpc, plainFlowLog]), []);
    });

    it("reports the awsx VPC once, at the component, when it has no flow log", async () => {
      const elsewhere = { ...awsxFlowLog, ...dependsOn({ vpcId: [plainVpc.urn] }) };
      const v = assertOneViolation(await check(requireVpcFlowLogs, [awsxVpc, awsxChildVpc, elsewhere, plainVpc, plainFlowLog]), requireVpcFlowLogs, expected("main"));
      assert.equal(v.urn, awsxVpc.urn);
    });
  });

  describe("not applicable", () => {
    it("passes a stack without VPCs", async () => {
      const logGroup = fixture(T.logGroup, "app", { outputs: { retentionInDays: 90 } });
      assert.deepEqual(await check(requireVpcFlowLogs, [logGroup]), []);
    });

    it("does not take subnets or security groups for VPCs", async () => {
      const subnet = fixture(T.subnet, "legacy-a", { outputs: { id: "subnet-2a", vpcId: "vpc-2", availabilityZone: "us-west-2a" } });
      const sg = fixture("aws:ec2/securityGroup:SecurityGroup", "web", { outputs: { id: "sg-1", vpcId: "vpc-2" } });
      assert.deepEqual(await check(requireVpcFlowLogs, [...stack, subnet, sg]), []);
    });
  });

  describe("during preview of a new stack, when VPC ids are still unknown", () => {
    const previewVpc = withOutputs(awsxVpc, { vpcId: unknownValue });

    it("still links the flow log by its property dependency and passes", async () => {
      assert.deepEqual(await check(requireVpcFlowLogs, [previewVpc, awsxFlowLog]), []);
    });

    it("still reports a VPC without a flow log as mandatory, before anything is created", async () => {
      assertOneViolation(await check(requireVpcFlowLogs, [previewVpc]), requireVpcFlowLogs, expected("main"));
    });
  });
});
