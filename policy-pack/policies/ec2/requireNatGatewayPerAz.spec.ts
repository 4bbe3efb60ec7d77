import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { assertOneViolation, check, component, fixture, withInputs } from "../../test/fixtures";
import { requireNatGatewayPerAz } from "./requireNatGatewayPerAz";

/** The awsx VPC as the network tier declares it: public, private and isolated tiers, one NAT per AZ. */
const vpc = component(T.awsxVpc, "main", {
  inputs: {
    cidrBlock: "10.0.0.0/16",
    availabilityZoneNames: ["us-west-2a", "us-west-2b", "us-west-2c"],
    subnetStrategy: "Auto",
    subnetSpecs: [{ type: "Public", name: "public" }, { type: "Private", name: "private" }, { type: "Isolated", name: "database" }],
    natGateways: { strategy: "OnePerAz" },
  },
  outputs: { vpcId: "vpc-1" },
});
const singleNat = withInputs(vpc, { natGateways: { strategy: "Single" } });
const noNat = withInputs(vpc, { natGateways: { strategy: "None" } });
const expected = (strategy: string) => [new RegExp(`uses NAT strategy ${strategy}`), /use strategy OnePerAz/];

describe("ec2-require-nat-gateway-per-az", () => {
  it("passes an awsx VPC with natGateways.strategy OnePerAz", async () => {
    assert.deepEqual(await check(requireNatGatewayPerAz, [vpc]), []);
  });

  it("passes an awsx VPC that omits natGateways (awsx defaults to OnePerAz)", async () => {
    assert.deepEqual(await check(requireNatGatewayPerAz, [withInputs(vpc, { natGateways: undefined })]), []);
  });

  it("flags an awsx VPC with natGateways.strategy Single", async () => {
    const v = assertOneViolation(await check(requireNatGatewayPerAz, [singleNat]), requireNatGatewayPerAz, expected("Single"));
    assert.equal(v.urn, vpc.urn);
  });

  it("flags an awsx VPC with private subnets and natGateways.strategy None, saying their egress is absent or one NAT instance", async () => {
    assertOneViolation(await check(requireNatGatewayPerAz, [noNat]), requireNatGatewayPerAz, [/NAT strategy None, so their egress is either absent or one NAT instance, a single point of failure/, /use strategy OnePerAz/]);
  });

  it("compares subnet types and strategies case-insensitively, as awsx does", async () => {
    const lowerSpecs = withInputs(singleNat, { subnetSpecs: [{ type: "public" }, { type: "private" }] });
    assertOneViolation(await check(requireNatGatewayPerAz, [lowerSpecs]), requireNatGatewayPerAz, expected("Single"));
    assert.deepEqual(await check(requireNatGatewayPerAz, [withInputs(vpc, { natGateways: { strategy: "oneperaz" } })]), []);
  });

  it("flags a Single-NAT awsx VPC that omits subnetSpecs (awsx's default layout has private subnets)", async () => {
    assertOneViolation(await check(requireNatGatewayPerAz, [withInputs(singleNat, { subnetSpecs: undefined })]), requireNatGatewayPerAz, expected("Single"));
  });

  describe("not applicable", () => {
    it("skips an awsx VPC whose subnetSpecs are only public and isolated: no private subnet needs NAT", async () => {
      const noPrivate = [{ type: "Public", name: "public" }, { type: "Isolated", name: "database" }];
      assert.deepEqual(await check(requireNatGatewayPerAz, [withInputs(noNat, { subnetSpecs: noPrivate })]), []);
    });

    it("skips an awsx VPC whose subnetSpecs are only isolated", async () => {
      assert.deepEqual(await check(requireNatGatewayPerAz, [withInputs(noNat, { subnetSpecs: [{ type: "Isolated", name: "database" }] })]), []);
    });

    it("ignores other resource types: a plain VPC and a single NAT gateway are the low-level policy's business", async () => {
      const plainVpc = fixture(T.vpc, "legacy", { inputs: { cidrBlock: "10.1.0.0/16" } });
      const nat = fixture(T.natGateway, "legacy-1", { inputs: { subnetId: "subnet-1", allocationId: "eipalloc-1" } });
      assert.deepEqual(await check(requireNatGatewayPerAz, [plainVpc, nat]), []);
    });
  });

  it("reports an advisory 'can't run during preview' when natGateways.strategy is unknown", async () => {
    assertOneViolation(
      await check(requireNatGatewayPerAz, [withInputs(vpc, { natGateways: { strategy: unknownValue } })]),
      requireNatGatewayPerAz,
      [/can't run policy 'ec2-require-nat-gateway-per-az' during preview/, /\.natGateways\.strategy/],
      "advisory",
    );
  });
});
