import { isPlain } from "../../lib/ecs";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { Unknown, resolve, undecidable } from "../../lib/unknowns";

const TYPES = [T.ecsService, T.ecsTaskSet, T.awsxEc2Service, T.awsxFargateService];

/**
 * Tasks get no public IP addresses: services (FSBP ECS.2) and task sets (FSBP ECS.16) keep
 * networkConfiguration.assignPublicIp off, so tasks are reachable only through the load balancer.
 * awsx's FargateService without a networkConfiguration runs in the default VPC's public subnets with
 * assignPublicIp true and a security group open to the internet (awsx/ecs/fargateService.ts,
 * getDefaultNetworkConfiguration), so there the configuration must be explicit.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-configure-network.html
 */
export const disallowPublicIp: PackResourcePolicy = {
  name: "ecs-disallow-public-ip",
  resourceTypes: TYPES,
  description: "ECS services and task sets assign their tasks no public IP address (networkConfiguration.assignPublicIp is not true).",
  severity: "high",
  framework: fsbp("ECS.2"),
  remediationSteps: "Set networkConfiguration { subnets: <private subnets>, securityGroups, assignPublicIp: false } on the service; tasks reach the internet through the NAT gateways.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (!TYPES.includes(args.type as (typeof TYPES)[number])) return;
    const network = resolve(args.props, "networkConfiguration");
    if (network instanceof Unknown) undecidable(args.props, network);
    const topLevel = args.type === T.awsxFargateService ? resolve(args.props, "assignPublicIp") : undefined;
    const assign = isPlain(network) ? network.assignPublicIp : undefined;
    for (const v of [topLevel, assign]) if (v instanceof Unknown) undecidable(args.props, v);
    if (args.type === T.awsxFargateService && network === undefined) {
      reportViolation("ECS service has no networkConfiguration, so awsx runs its tasks in the default VPC's public subnets with public IP addresses; pass private subnets and assignPublicIp: false.");
    } else if (topLevel === true || assign === true) {
      reportViolation(`ECS ${args.type === T.ecsTaskSet ? "task set" : "service"} assigns its tasks public IP addresses; set assignPublicIp to false and run the tasks in private subnets.`);
    }
  },
};
