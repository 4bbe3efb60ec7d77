import { strict as assert } from "node:assert";
import { T } from "../../lib/types";
import { RecordedResource, assertOneViolation, awsxChildVpc, awsxVpc, check, dependsOn, fixture, plainVpc, replace, withOutputs } from "../../test/fixtures";
import { requireMultiAzSubnets } from "./requireMultiAzSubnets";

const AZS = ["us-west-2a", "us-west-2b", "us-west-2c"];
type Tier = "Public" | "Private";

/**
 * awsx's children as a real run shows them: subnets under the child VPC, linked to it by property
 * dependency (and by id value), one NAT gateway per AZ under that AZ's public subnet.
 */
const awsxSubnet = (tier: Tier, n: number): RecordedResource => {
  const name = `main-${tier.toLowerCase()}-${n}`;
  return fixture(T.subnet, name, {
    parent: awsxChildVpc.urn,
    outputs: { id: `subnet-${name}`, vpcId: "vpc-1", availabilityZone: AZS[n - 1], tags: { Name: name, SubnetType: tier } },
    ...dependsOn({ vpcId: [awsxChildVpc.urn] }),
  });
};
const awsxPublic = [1, 2, 3].map((n) => awsxSubnet("Public", n));
const awsxPrivate = [1, 2, 3].map((n) => awsxSubnet("Private", n));
const awsxNats = awsxPublic.map((s, i) =>
  fixture(T.natGateway, `main-${i + 1}`, { parent: s.urn, outputs: { id: `nat-main-${i + 1}`, subnetId: s.outputs.id }, ...dependsOn({ subnetId: [s.urn] }) }),
);
const awsxNetwork = [awsxVpc, awsxChildVpc, ...awsxPublic, ...awsxPrivate, ...awsxNats];

/** Subnets and NAT gateways declared directly, linked by value only. */
const plainSubnet = (tier: Tier, n: number): RecordedResource => {
  const name = `legacy-${tier.toLowerCase()}-${n}`;
  return fixture(T.subnet, name, { outputs: { id: `subnet-${name}`, vpcId: "vpc-2", availabilityZone: AZS[n - 1], tags: { SubnetType: tier } } });
};
const plainPublic = [1, 2, 3].map((n) => plainSubnet("Public", n));
const plainPrivate = [1, 2, 3].map((n) => plainSubnet("Private", n));
const plainNats = plainPublic.map((s, i) => fixture(T.natGateway, `legacy-${i + 1}`, { outputs: { id: `nat-legacy-${i + 1}`, subnetId: s.outputs.id } }));
const plainNetwork = [plainVpc, ...plainPublic, ...plainPrivate, ...plainNats];

/** Both VPC shapes: public and private subnets in three AZs, a NAT gateway in each AZ. */
const stack = [...awsxNetwork, ...plainNetwork];

const spread = (vpc: string, tier: string, azs: number, min = 3) => [new RegExp(`VPC ${vpc} has ${tier} subnets in ${azs} AZs`), new RegExp(`spread them over at least ${min} AZs`)];
const missingNat = (vpc: string, az: string) => [new RegExp(`VPC ${vpc} has private subnets in ${az} without a NAT gateway in the same AZ`), /add one NAT gateway per AZ/];

/** The awsx VPC with its third private subnet moved into the first AZ: the private tier spans 2 AZs. */
const awsxPrivateInTwoAzs = replace(stack, withOutputs(awsxPrivate[2], { availabilityZone: AZS[0] }));

describe("ec2-require-multi-az-subnets", () => {
  it("passes an awsx VPC and a plain VPC with each tier in 3 AZs and a NAT gateway per AZ", async () => {
    assert.deepEqual(await check(requireMultiAzSubnets, stack), []);
  });

  describe("tier spread", () => {
    it("flags an awsx VPC whose private subnets' availabilityZone values cover only 2 AZs, once, at the component", async () => {
      const v = assertOneViolation(await check(requireMultiAzSubnets, awsxPrivateInTwoAzs), requireMultiAzSubnets, spread("main", "Private", 2));
      assert.equal(v.urn, awsxVpc.urn, "the child aws:ec2 VPC is folded into the awsx component");
    });

    it("flags a plain VPC whose private subnets' availabilityZone values cover only 2 AZs", async () => {
      const v = assertOneViolation(
        await check(requireMultiAzSubnets, replace(stack, withOutputs(plainPrivate[2], { availabilityZone: AZS[1] }))),
        requireMultiAzSubnets,
        spread("legacy", "Private", 2),
      );
      assert.equal(v.urn, plainVpc.urn);
    });

    it("counts untagged subnets as one tier", async () => {
      const untagged = plainPrivate.map((s) => withOutputs(s, { tags: undefined }));
      assert.deepEqual(await check(requireMultiAzSubnets, [plainVpc, ...untagged]), []);
      const inTwoAzs = replace(untagged, withOutputs(untagged[2], { availabilityZone: AZS[0] }));
      assertOneViolation(await check(requireMultiAzSubnets, [plainVpc, ...inTwoAzs]), requireMultiAzSubnets, spread("legacy", "subnets", 2));
    });
  });

  describe("NAT gateway per AZ", () => {
    it("flags an awsx VPC whose third NAT gateway's subnetId is in another AZ's public subnet", async () => {
      const moved = withOutputs(awsxNats[2], { subnetId: awsxPublic[1].outputs.id });
      const v = assertOneViolation(await check(requireMultiAzSubnets, replace(stack, moved)), requireMultiAzSubnets, missingNat("main", AZS[2]));
      assert.equal(v.urn, awsxVpc.urn);
    });

    it("flags a plain VPC whose third NAT gateway's subnetId is in another VPC", async () => {
      const elsewhere = withOutputs(plainNats[2], { subnetId: "subnet-other-vpc" });
      const v = assertOneViolation(await check(requireMultiAzSubnets, replace(stack, elsewhere)), requireMultiAzSubnets, missingNat("legacy", AZS[2]));
      assert.equal(v.urn, plainVpc.urn);
    });

    it("does not report missing NAT for an isolated-only VPC (no private subnets, no NAT gateway)", async () => {
      const isolated = plainPrivate.map((s) => withOutputs(s, { tags: { SubnetType: "Isolated" } }));
      assert.deepEqual(await check(requireMultiAzSubnets, [plainVpc, ...isolated]), []);
    });

    it("does not report missing NAT when the VPC has no NAT gateway at all", async () => {
      assert.deepEqual(await check(requireMultiAzSubnets, [...awsxNetwork.filter((r) => r.type !== T.natGateway), ...plainNetwork]), []);
    });
  });

  describe("minAzCount", () => {
    it("defaults to the schema's 3 when the config has no entry", async () => {
      assertOneViolation(await check(requireMultiAzSubnets, awsxPrivateInTwoAzs, { all: "mandatory" }), requireMultiAzSubnets, spread("main", "Private", 2, 3));
    });

    it("takes the config file's value over the default: minAzCount 2 makes a 2-AZ tier pass", async () => {
      const config = { all: "mandatory" as const, "ec2-require-multi-az-subnets": { minAzCount: 2 } };
      assert.deepEqual(await check(requireMultiAzSubnets, awsxPrivateInTwoAzs, config), []);
    });
  });

  describe("not applicable", () => {
    it("skips an awsx VPC without children, as the offline mocks show it", async () => {
      assert.deepEqual(await check(requireMultiAzSubnets, [awsxVpc]), []);
    });

    it("skips subnets of a VPC the stack does not declare", async () => {
      const foreign = withOutputs(plainPrivate[0], { vpcId: "vpc-9" });
      assert.deepEqual(await check(requireMultiAzSubnets, [foreign]), []);
    });

    it("ignores other resource types in the VPC, such as route tables", async () => {
      const routeTable = fixture("aws:ec2/routeTable:RouteTable", "main-private-1", { parent: awsxPrivate[0].urn, outputs: { id: "rtb-1", vpcId: "vpc-1" } });
      assert.deepEqual(await check(requireMultiAzSubnets, [...stack, routeTable]), []);
    });
  });
});
