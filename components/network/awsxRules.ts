/**
 * awsx.ec2.Vpc validates its arguments inside the awsx provider, which never runs under mocks or
 * in `pulumi preview` without the plugin. These checks mirror the rules in pulumi-awsx
 * (awsx/ec2/vpc.ts and subnetDistributorNew.ts) so a bad layout fails in our plan, not on AWS day.
 */
import { Cidr, end, mustParseCidr, overlaps, parseCidr } from "./cidr";
import type { AwsxSubnetSpec } from "./subnets";

export type NatStrategy = "None" | "Single" | "OnePerAz";

export interface AwsxVpcArgsShape {
  cidrBlock: string;
  availabilityZoneNames: readonly string[];
  subnetStrategy: "Exact" | "Auto";
  subnetSpecs: readonly AwsxSubnetSpec[];
  natStrategy: NatStrategy;
}

/** Returns every rule awsx would reject these arguments for (empty when awsx accepts them). */
export function checkAwsxVpcArgs(args: AwsxVpcArgsShape): string[] {
  const errors: string[] = [];
  const azCount = args.availabilityZoneNames.length;
  args.subnetSpecs.forEach((spec, i) => {
    // "Each list of CIDR blocks must have the same length as the number of availability zones."
    if (spec.cidrBlocks.length !== azCount) {
      errors.push(`subnetSpecs[${i}] (${spec.name}) has ${spec.cidrBlocks.length} cidrBlocks for ${azCount} availability zones`);
    }
    spec.cidrBlocks.forEach((b) => {
      if (!parseCidr(b)) errors.push(`subnetSpecs[${i}] (${spec.name}) has an invalid CIDR block "${b}"`);
    });
  });
  if (errors.length > 0) return errors;

  // awsx lists subnets AZ by AZ, each AZ in spec order; both checks below walk that sequence.
  const sequence: { name: string; block: Cidr }[] = [];
  for (let az = 0; az < azCount; az++) {
    args.subnetSpecs.forEach((spec) => sequence.push({ name: `${spec.name}-${az + 1}`, block: mustParseCidr(spec.cidrBlocks[az]) }));
  }
  const overlapping = sequence.filter((x) => sequence.some((y) => x !== y && overlaps(x.block, y.block)));
  if (overlapping.length > 0) {
    errors.push(`overlapping subnets: ${overlapping.map((o) => o.name).join(", ")}`);
  }
  // Exact: "There are gaps in the subnet ranges" unless the sequence tiles the VPC with no gap.
  if (args.subnetStrategy === "Exact") {
    const vpc = mustParseCidr(args.cidrBlock);
    let expected = vpc.base;
    for (const s of sequence) {
      if (s.block.base !== expected) errors.push(`gap before ${s.name} in the Exact layout`);
      expected = end(s.block);
    }
    if (expected !== end(vpc)) errors.push("the Exact layout ends before the VPC ends");
  }
  // "If NAT Gateway strategy is 'OnePerAz' or 'Single', both private and public subnets must be declared."
  const types = new Set(args.subnetSpecs.map((s) => s.type));
  if (args.natStrategy !== "None" && !(types.has("Public") && types.has("Private"))) {
    errors.push(`NAT strategy ${args.natStrategy} needs both public and private subnets`);
  }
  return errors;
}
