import { strict as assert } from "node:assert";
import { InstanceType } from "@pulumi/aws/types/enums/ec2";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { DEFAULT_INSTANCE_FAMILIES, configureInstanceFamilies as policy, familyOf } from "./configureInstanceFamilies";

const overrides = (...types: string[]) => ({ launchTemplate: { launchTemplateSpecification: { launchTemplateId: "lt-0123456789abcdef0", version: "$Latest" }, overrides: types.map((instanceType) => ({ instanceType })) } });

/** One compliant resource of each type the policy checks, each asking for allowed families. */
const compliant = [
  fixture(T.launchTemplate, "lt", { inputs: { instanceType: "m7i.large", metadataOptions: { httpTokens: "required" } } }),
  fixture(T.ec2Instance, "bastion", { inputs: { instanceType: "t4g.micro", ami: "ami-0123456789abcdef0" } }),
  fixture(T.autoscalingGroup, "asg", { inputs: { maxSize: 4, minSize: 1, mixedInstancesPolicy: overrides("c6g.large", "c7g.large") } }),
  fixture(T.eksNodeGroup, "ng", { inputs: { instanceTypes: ["r6i.large"], capacityType: "ON_DEMAND" } }),
  fixture(T.eksComponentManagedNodeGroup, "application-nodes", { inputs: { instanceTypes: ["t3.large", "t3a.large"], capacityType: "SPOT" } }),
  fixture(T.eksComponentNodeGroup, "self-managed", { inputs: { instanceType: "m6g.large" } }),
  fixture(T.eksComponentNodeGroupV2, "self-managed-v2", { inputs: { instanceType: "g5.xlarge" } }),
  fixture(T.karpenterNodePool, "karpenter-nodepool", { inputs: { spec: { template: { spec: { requirements: [
    { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] },
    { key: "karpenter.k8s.aws/instance-family", operator: "In", values: ["c5", "c6i"] },
  ] } } } } }),
];
const [lt, instance, asg, nodeGroup, managed, selfManaged, selfManagedV2, nodePool] = compliant;
const poolRequiring = (...requirements: unknown[]) => withInputs(nodePool, { spec: { template: { spec: { requirements } } } });

/** Families the platform's stacks and examples run today (node groups, GPU group, docs). */
const IN_USE = ["t3", "t3a", "t4g", "m5", "m6i", "m6g", "m7i", "m7g", "c5", "c6i", "c6g", "c7i", "c7g", "r5", "r6i", "r6g", "r7g", "g5", "g6", "inf2"];

describe("ec2-configure-instance-families", () => {
  it("passes one compliant resource of every type it checks", async () => {
    assert.deepEqual(await check(policy, compliant), []);
  });

  it("allows by default every family the platform's stacks and examples use", async () => {
    for (const family of IN_USE) assert.deepEqual(await check(policy, [withInputs(managed, { instanceTypes: [`${family}.xlarge`] })]), [], family);
  });

  it("allows by default only real, current EC2 families (the @pulumi/aws InstanceType enum), no previous generation", () => {
    const known = new Set(Object.values(InstanceType).map((t) => familyOf(t)));
    for (const f of DEFAULT_INSTANCE_FAMILIES) assert.ok(known.has(f), `${f} is no EC2 instance family`);
    for (const old of ["t2", "m4", "c4", "r4", "m3", "x1e", "p3", "p4d", "u-6tb1"]) assert.ok(!DEFAULT_INSTANCE_FAMILIES.includes(old), old);
    assert.equal(new Set(DEFAULT_INSTANCE_FAMILIES).size, DEFAULT_INSTANCE_FAMILIES.length);
  });

  it("reads the family as everything before the dot, as the EC2 API does", () => {
    assert.deepEqual(["c5.2xlarge", "c6i.large", "m7i-flex.large", "u-6tb1.metal", "C5.Large"].map(familyOf), ["c5", "c6i", "m7i-flex", "u-6tb1", "c5"]);
  });

  const cases: Array<[string, (typeof compliant)[number], Record<string, unknown>, RegExp]> = [
    ["a launch template", lt, { instanceType: "x1e.xlarge" }, /^Launch template asks for x1e\.xlarge, of family x1e outside/],
    ["an EC2 instance", instance, { instanceType: "t2.micro" }, /^EC2 instance asks for t2\.micro, of family t2 outside/],
    ["an Auto Scaling group's mixed-instances override", asg, { mixedInstancesPolicy: overrides("c6g.large", "p4d.24xlarge") }, /^Auto Scaling group asks for p4d\.24xlarge, of family p4d outside/],
    ["an EKS node group", nodeGroup, { instanceTypes: ["r4.large"] }, /^Node group asks for r4\.large, of family r4 outside/],
    ["an eks component managed node group", managed, { instanceTypes: ["t3.large", "x1e.xlarge"] }, /^Node group asks for x1e\.xlarge, of family x1e outside/],
    ["an eks component self-managed node group", selfManaged, { instanceType: "m4.large" }, /^Node group asks for m4\.large, of family m4 outside/],
    ["an eks component NodeGroupV2", selfManagedV2, { instanceType: "p5.48xlarge" }, /^Node group asks for p5\.48xlarge, of family p5 outside/],
    ["a Karpenter NodePool's instance-family requirement", nodePool, poolRequiring({ key: "karpenter.k8s.aws/instance-family", operator: "In", values: ["c5", "x1e"] }).inputs, /^Karpenter NodePool asks for x1e, of family x1e outside/],
  ];
  for (const [what, r, change, message] of cases) {
    it(`fails ${what} asking for a family not allowed`, async () => {
      const v = assertOneViolation(await check(policy, [withInputs(r, change)]), policy, [message, /add \S+ to allowedInstanceFamilies in the pack config\.$/]);
      assert.equal(v.urn, r.urn);
    });
  }

  it("reads a NodePool's instance-type requirement when it names no family", async () => {
    const byType = poolRequiring({ key: "node.kubernetes.io/instance-type", operator: "In", values: ["c5.2xlarge", "m4.large"] });
    assertOneViolation(await check(policy, [byType]), policy, [/^Karpenter NodePool asks for m4\.large, of family m4 outside/]);
  });

  it("fails a NodePool that names no family or type (a category alone admits old generations), saying how to restrict it", async () => {
    const open = poolRequiring({ key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] }, { key: "karpenter.k8s.aws/instance-category", operator: "In", values: ["c", "m"] });
    const notIn = poolRequiring({ key: "karpenter.k8s.aws/instance-family", operator: "NotIn", values: ["p5"] });
    for (const pool of [open, notIn]) {
      assertOneViolation(await check(policy, [pool]), policy, [/^Karpenter NodePool names no instance family or type, so Karpenter may launch any; add a requirement karpenter\.k8s\.aws\/instance-family In families within allowedInstanceFamilies\.$/]);
    }
  });

  it("names every refused type once, and their families, in one sentence", async () => {
    const [v] = await check(policy, [withInputs(managed, { instanceTypes: ["x1e.xlarge", "t3.large", "x1e.xlarge", "p4d.24xlarge"] })]);
    assert.equal(v.message, "Node group asks for x1e.xlarge and p4d.24xlarge, of families x1e and p4d outside allowedInstanceFamilies; choose types of an allowed family or add x1e and p4d to allowedInstanceFamilies in the pack config.");
  });

  it("checks the families the pack config allows instead of the defaults, in any letter case", async () => {
    const config = { all: "mandatory" as const, "ec2-configure-instance-families": { allowedInstanceFamilies: ["m7g", "c7g"] } };
    assertOneViolation(await check(policy, [managed], config), policy, [/asks for t3\.large and t3a\.large, of families t3 and t3a outside/]);
    assert.deepEqual(await check(policy, [withInputs(managed, { instanceTypes: ["M7g.large", "c7g.xlarge"] })], config), []);
  });

  describe("not applicable", () => {
    it("passes resources that name no instance type: it comes from their launch template, checked on its own", async () => {
      const bare = [withInputs(lt, { instanceType: undefined }), withInputs(instance, { instanceType: undefined }), withInputs(managed, { instanceTypes: undefined })];
      const plainGroup = withInputs(asg, { mixedInstancesPolicy: undefined, launchTemplate: { id: "lt-0123456789abcdef0", version: "$Latest" } });
      assert.deepEqual(await check(policy, [...bare, plainGroup]), []);
    });

    it("ignores instance classes of other services, such as an RDS instance's db.x2g", async () => {
      assert.deepEqual(await check(policy, [fixture(T.rdsInstance, "db", { inputs: { instanceClass: "db.x2g.large" } })]), []);
    });
  });

  it("reports an advisory 'can't run during preview' when an instance type is unknown", async () => {
    assertOneViolation(await check(policy, [withInputs(lt, { instanceType: unknownValue })]), policy, [/can't run policy 'ec2-configure-instance-families' during preview/, /\.instanceType/], "advisory");
  });
});
