import { strict as assert } from "node:assert";
import { T } from "../../lib/types";
import { assertOneViolation, awsxChildVpc, awsxVpc, check, dependsOn, fixture, plainVpc, withOutputs } from "../../test/fixtures";
import { configureDefaultSecurityGroup } from "./configureDefaultSecurityGroup";

const allowAll = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], self: false };
/** The awsx VPC's default group: vpcId is the component's output, so it links by property dependency only. */
const awsxDefaultSg = fixture(T.defaultSecurityGroup, "main-default-sg", { outputs: { id: "sg-1", ingress: [], egress: [] }, ...dependsOn({ vpcId: [awsxVpc.urn] }) });
/** The plain VPC's default group links by value: its vpcId output is the VPC's id. */
const plainDefaultSg = fixture(T.defaultSecurityGroup, "legacy-default-sg", { outputs: { id: "sg-2", vpcId: "vpc-2", ingress: [], egress: [] } });
/** Both VPC shapes, each with its default group managed and empty. */
const stack = [awsxVpc, awsxDefaultSg, plainVpc, plainDefaultSg];
const unmanaged = (vpc: string) => [new RegExp(`VPC ${vpc} leaves its default security group unmanaged`), /add an aws\.ec2\.DefaultSecurityGroup with no rules/];
const hasRules = (sg: string) => [new RegExp(`Default security group ${sg} has rules`), /set ingress: \[\] and egress: \[\]/];

describe("ec2-configure-default-security-group", () => {
  it("passes an awsx VPC and a plain VPC whose default groups are managed with no rules", async () => {
    assert.deepEqual(await check(configureDefaultSecurityGroup, stack), []);
  });

  it("flags a default security group with an ingress rule", async () => {
    const open = withOutputs(plainDefaultSg, { ingress: [allowAll] });
    const v = assertOneViolation(await check(configureDefaultSecurityGroup, [awsxVpc, awsxDefaultSg, plainVpc, open]), configureDefaultSecurityGroup, hasRules("legacy-default-sg"));
    assert.equal(v.urn, plainDefaultSg.urn);
  });

  it("flags a default security group with an egress rule", async () => {
    const open = withOutputs(awsxDefaultSg, { egress: [allowAll] });
    const v = assertOneViolation(await check(configureDefaultSecurityGroup, [awsxVpc, open, plainVpc, plainDefaultSg]), configureDefaultSecurityGroup, hasRules("main-default-sg"));
    assert.equal(v.urn, awsxDefaultSg.urn);
  });

  it("flags an awsx VPC whose default group's vpcId depends on another VPC", async () => {
    const elsewhere = { ...awsxDefaultSg, ...dependsOn({ vpcId: [plainVpc.urn] }) };
    const v = assertOneViolation(await check(configureDefaultSecurityGroup, [awsxVpc, elsewhere, plainVpc, plainDefaultSg]), configureDefaultSecurityGroup, unmanaged("main"));
    assert.equal(v.urn, awsxVpc.urn);
  });

  it("flags a plain VPC whose default group's vpcId is another VPC's id", async () => {
    const elsewhere = withOutputs(plainDefaultSg, { vpcId: "vpc-9" });
    const v = assertOneViolation(await check(configureDefaultSecurityGroup, [awsxVpc, awsxDefaultSg, plainVpc, elsewhere]), configureDefaultSecurityGroup, unmanaged("legacy"));
    assert.equal(v.urn, plainVpc.urn);
  });

  it("flags a plain VPC with no default security group at all", async () => {
    const v = assertOneViolation(await check(configureDefaultSecurityGroup, [awsxVpc, awsxDefaultSg, plainVpc]), configureDefaultSecurityGroup, unmanaged("legacy"));
    assert.equal(v.urn, plainVpc.urn);
  });

  describe("real run: awsx's child aws:ec2 VPC is folded into the component", () => {
    it("passes when the child VPC is present and the default group depends on the component", async () => {
      assert.deepEqual(await check(configureDefaultSecurityGroup, [...stack, awsxChildVpc]), []);
    });

    it("passes when the default group's vpcId depends on the child VPC", async () => {
      const onChild = { ...awsxDefaultSg, ...dependsOn({ vpcId: [awsxChildVpc.urn] }) };
      assert.deepEqual(await check(configureDefaultSecurityGroup, [awsxVpc, awsxChildVpc, onChild, plainVpc, plainDefaultSg]), []);
    });

    it("reports the awsx VPC once, at the component, when its default group is unmanaged", async () => {
      const elsewhere = { ...awsxDefaultSg, ...dependsOn({ vpcId: [plainVpc.urn] }) };
      const v = assertOneViolation(
        await check(configureDefaultSecurityGroup, [awsxVpc, awsxChildVpc, elsewhere, plainVpc, plainDefaultSg]),
        configureDefaultSecurityGroup,
        unmanaged("main"),
      );
      assert.equal(v.urn, awsxVpc.urn);
    });
  });

  describe("not applicable", () => {
    it("passes a stack without VPCs", async () => {
      assert.deepEqual(await check(configureDefaultSecurityGroup, [fixture(T.logGroup, "app", { outputs: { retentionInDays: 90 } })]), []);
    });

    it("ignores ordinary security groups, rules and all", async () => {
      const web = fixture("aws:ec2/securityGroup:SecurityGroup", "web", { outputs: { id: "sg-3", vpcId: "vpc-2", ingress: [allowAll], egress: [allowAll] } });
      assert.deepEqual(await check(configureDefaultSecurityGroup, [...stack, web]), []);
    });
  });
});
