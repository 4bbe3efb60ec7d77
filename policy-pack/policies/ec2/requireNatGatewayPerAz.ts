import type { ResourceValidationPolicy } from "@pulumi/policy";
import { T } from "../../lib/types";

export const requireNatGatewayPerAz: ResourceValidationPolicy = {
  name: "ec2-require-nat-gateway-per-az",
  description: "A VPC with private subnets has a NAT gateway in every AZ, so losing one AZ does not cut the others' egress.",
  severity: "medium",
  remediationSteps: "Set natGateways: { strategy: \"OnePerAz\" } on the awsx.ec2.Vpc (platform config: network.natGateways: onePerAz).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.awsxVpc) return;
    const specs: { type?: string }[] | undefined = args.props.subnetSpecs;
    // awsx's default layout has private subnets; so does any layout declaring one.
    const hasPrivate = specs === undefined || specs.some((s) => s.type === "Private");
    // awsx defaults to OnePerAz when the strategy is omitted.
    const strategy = args.props.natGateways?.strategy ?? "OnePerAz";
    if (hasPrivate && strategy !== "OnePerAz") {
      reportViolation(`VPC uses NAT strategy ${strategy}, so private subnets in other AZs lose egress when its AZ fails; use strategy OnePerAz.`);
    }
  },
};
