import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { assertOneViolation, check, component, fixture, withInputs } from "../../test/fixtures";
import { requireSubnetsAcrossAzs } from "./requireSubnetsAcrossAzs";

/** The awsx VPC as the network tier declares it: three named AZs. */
const vpc = component(T.awsxVpc, "main", {
  inputs: {
    cidrBlock: "10.0.0.0/16",
    availabilityZoneNames: ["us-west-2a", "us-west-2b", "us-west-2c"],
    subnetStrategy: "Auto",
    subnetSpecs: [{ type: "Public", name: "public" }, { type: "Private", name: "private" }],
    natGateways: { strategy: "OnePerAz" },
  },
  outputs: { vpcId: "vpc-1" },
});
const twoAzs = withInputs(vpc, { availabilityZoneNames: ["us-west-2a", "us-west-2b"] });
/** Neither names nor count: awsx takes the region's first three AZs. */
const awsxDefaultAzs = withInputs(vpc, { availabilityZoneNames: undefined });

describe("ec2-require-subnets-across-azs", () => {
  it("passes an awsx VPC with three availabilityZoneNames", async () => {
    assert.deepEqual(await check(requireSubnetsAcrossAzs, [vpc]), []);
  });

  it("flags an awsx VPC with two availabilityZoneNames", async () => {
    const v = assertOneViolation(await check(requireSubnetsAcrossAzs, [twoAzs]), requireSubnetsAcrossAzs, [/VPC spans 2 AZs/, /at least 3 AZs/]);
    assert.equal(v.urn, vpc.urn);
  });

  it("passes an awsx VPC that gives neither names nor count (awsx defaults to three AZs)", async () => {
    assert.deepEqual(await check(requireSubnetsAcrossAzs, [awsxDefaultAzs]), []);
  });

  it("flags an awsx VPC with numberOfAvailabilityZones 2", async () => {
    assertOneViolation(
      await check(requireSubnetsAcrossAzs, [withInputs(awsxDefaultAzs, { numberOfAvailabilityZones: 2 })]),
      requireSubnetsAcrossAzs,
      [/VPC spans 2 AZs/, /at least 3 AZs/],
    );
  });

  it("passes an awsx VPC with numberOfAvailabilityZones 3", async () => {
    assert.deepEqual(await check(requireSubnetsAcrossAzs, [withInputs(awsxDefaultAzs, { numberOfAvailabilityZones: 3 })]), []);
  });

  it("ignores other resource types, such as a plain VPC (ec2-require-multi-az-subnets checks its subnets)", async () => {
    assert.deepEqual(await check(requireSubnetsAcrossAzs, [fixture(T.vpc, "legacy", { inputs: { cidrBlock: "10.1.0.0/16" } })]), []);
  });

  describe("minAzCount", () => {
    it("defaults to the schema's 3 when the config has no entry", async () => {
      assertOneViolation(await check(requireSubnetsAcrossAzs, [twoAzs], { all: "mandatory" }), requireSubnetsAcrossAzs, [/at least 3 AZs/]);
    });

    it("takes the config file's value over the default: minAzCount 2 makes a 2-AZ VPC pass", async () => {
      const config = { all: "mandatory" as const, "ec2-require-subnets-across-azs": { minAzCount: 2 } };
      assert.deepEqual(await check(requireSubnetsAcrossAzs, [twoAzs], config), []);
    });

    it("takes a stricter config value over the default: minAzCount 4 flags a 3-AZ VPC", async () => {
      const config = { all: "mandatory" as const, "ec2-require-subnets-across-azs": { minAzCount: 4 } };
      assertOneViolation(await check(requireSubnetsAcrossAzs, [vpc], config), requireSubnetsAcrossAzs, [/VPC spans 3 AZs/, /at least 4 AZs/]);
    });
  });

  it("reports an advisory 'can't run during preview' when availabilityZoneNames is unknown", async () => {
    assertOneViolation(
      await check(requireSubnetsAcrossAzs, [withInputs(vpc, { availabilityZoneNames: unknownValue })]),
      requireSubnetsAcrossAzs,
      [/can't run policy 'ec2-require-subnets-across-azs' during preview/, /\.availabilityZoneNames/],
      "advisory",
    );
  });
});
