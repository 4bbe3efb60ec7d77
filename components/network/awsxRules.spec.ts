import { strict as assert } from "node:assert";
import { AwsxVpcArgsShape, checkAwsxVpcArgs } from "./awsxRules";

const valid: AwsxVpcArgsShape = {
  cidrBlock: "10.0.0.0/22",
  availabilityZoneNames: ["us-west-2a", "us-west-2b"],
  subnetStrategy: "Exact",
  subnetSpecs: [
    { type: "Private", name: "private", cidrBlocks: ["10.0.0.0/24", "10.0.2.0/24"] },
    { type: "Public", name: "public", cidrBlocks: ["10.0.1.0/24", "10.0.3.0/24"] },
  ],
  natStrategy: "OnePerAz",
};

describe("awsx Vpc rules (mirrored from pulumi-awsx)", () => {
  it("accepts an Exact layout that tiles the VPC AZ by AZ", () => {
    assert.deepEqual(checkAwsxVpcArgs(valid), []);
  });

  it("rejects a spec whose cidrBlocks count differs from the AZ count", () => {
    const specs = [{ ...valid.subnetSpecs[0], cidrBlocks: ["10.0.0.0/24"] }, valid.subnetSpecs[1]];
    assert.match(checkAwsxVpcArgs({ ...valid, subnetSpecs: specs }).join(), /1 cidrBlocks for 2 availability zones/);
  });

  it("rejects overlapping subnets", () => {
    const specs = [valid.subnetSpecs[0], { ...valid.subnetSpecs[1], cidrBlocks: ["10.0.0.0/25", "10.0.3.0/24"] }];
    assert.match(checkAwsxVpcArgs({ ...valid, subnetSpecs: specs }).join(), /overlapping subnets: private-1, public-1/);
  });

  it("rejects an Exact layout with a gap, as awsx's validateNoGaps does", () => {
    assert.match(checkAwsxVpcArgs({ ...valid, cidrBlock: "10.0.0.0/21" }).join(), /ends before the VPC ends/);
    const gap = [valid.subnetSpecs[0], { ...valid.subnetSpecs[1], cidrBlocks: ["10.0.1.0/25", "10.0.3.0/24"] }];
    assert.match(checkAwsxVpcArgs({ ...valid, subnetSpecs: gap }).join(), /gap before private-2/);
  });

  it("accepts the same gap under Auto, which only checks counts and overlaps", () => {
    assert.deepEqual(checkAwsxVpcArgs({ ...valid, cidrBlock: "10.0.0.0/21", subnetStrategy: "Auto" }), []);
  });

  it("rejects a NAT strategy without both public and private subnets", () => {
    const isolatedOnly = [{ type: "Isolated" as const, name: "db", cidrBlocks: ["10.0.0.0/23", "10.0.2.0/23"] }];
    assert.match(checkAwsxVpcArgs({ ...valid, subnetSpecs: isolatedOnly, natStrategy: "Single" }).join(), /needs both public and private/);
    assert.deepEqual(checkAwsxVpcArgs({ ...valid, subnetSpecs: isolatedOnly, natStrategy: "None" }), []);
  });
});
