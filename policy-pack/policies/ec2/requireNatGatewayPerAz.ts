import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireNatGatewayPerAz: PackResourcePolicy = {
  name: "ec2-require-nat-gateway-per-az",
  resourceTypes: [T.awsxVpc],
  description: "A VPC with private subnets has a NAT gateway in every AZ, so losing one AZ does not cut the others' egress.",
  severity: "medium",
  remediationSteps: "Set natGateways: { strategy: \"OnePerAz\" } on the awsx.ec2.Vpc (platform config: network.natGateways: onePerAz).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.awsxVpc) return;
    const specs: { type?: string }[] | undefined = args.props.subnetSpecs;
    // awsx compares subnet types and strategies case-insensitively, so we do too.
    const lower = (v: unknown) => String(v).toLowerCase();
    // awsx's default layout has private subnets; so does any layout declaring one.
    const hasPrivate = specs === undefined || specs.some((s) => lower(s.type) === "private");
    // awsx defaults to OnePerAz when the strategy is omitted.
    const strategy = args.props.natGateways?.strategy ?? "OnePerAz";
    if (!hasPrivate || lower(strategy) === "oneperaz") return;
    reportViolation(
      lower(strategy) === "none"
        // None is also what a VPC egressing through a NAT instance (dev's platform:network.natGateways: instance) declares.
        ? "VPC has private subnets but NAT strategy None, so their egress is either absent or one NAT instance, a single point of failure; use strategy OnePerAz."
        : `VPC uses NAT strategy ${strategy}, so private subnets in other AZs lose egress when its AZ fails; use strategy OnePerAz.`,
    );
  },
};
