import { SERVICE_TYPES, isPlain, listOf, runsOnFargate } from "../../lib/ecs";
import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { Unknown, resolve, undecidable } from "../../lib/unknowns";

export interface ServiceSpreadConfig {
  /** Fewest AZs (subnets) a service's tasks may span. */
  minAzCount: number;
}

const AZ_SPREAD = { type: "spread", field: "attribute:ecs.availability-zone" };

type Report = (message: string) => void;

/** Counts subnets as eks-require-node-groups-across-azs does: one per AZ in this platform's layout, a repeated one once. */
function checkSubnets(type: string, network: unknown, fargate: boolean | Unknown, minAzCount: number, pending: Unknown[], report: Report): void {
  if (network instanceof Unknown) return void pending.push(network);
  const subnets = isPlain(network) ? network.subnets : undefined;
  if (subnets instanceof Unknown) return void pending.push(subnets);
  if (subnets === undefined) {
    // Without networkConfiguration an EC2 task in bridge or host mode uses its instance's subnet; the placement strategy decides the AZs.
    if (type === T.ecsService && fargate instanceof Unknown) return void pending.push(fargate);
    if (type === T.ecsService && fargate === false) return;
    report("ECS service names no networkConfiguration.subnets, so it does not choose its AZs; pass the private subnets of every AZ.");
    return;
  }
  const list = listOf(subnets);
  // Values unknown during preview (subnet ids of a VPC not yet created) count one each.
  const count = new Set(list.filter((s) => !(s instanceof Unknown))).size + list.filter((s) => s instanceof Unknown).length;
  if (count < minAzCount) report(`ECS service spans ${count} subnets; spread it over at least ${minAzCount} AZs so it survives the loss of one.`);
}

/**
 * ECS places a service's tasks on EC2 by spreading them over attribute:ecs.availability-zone when the
 * service names no strategy; a strategy list that starts with anything else (binpack, spread by
 * instanceId) can crowd the tasks into one AZ.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html
 */
function checkPlacement(strategies: unknown, pending: Unknown[], report: Report): void {
  if (strategies instanceof Unknown) return void pending.push(strategies);
  const [first] = listOf(strategies);
  if (first === undefined) return;
  if (first instanceof Unknown) return void pending.push(first);
  const type = isPlain(first) ? first.type : undefined;
  const field = isPlain(first) ? first.field : undefined;
  for (const v of [type, field]) if (v instanceof Unknown) return void pending.push(v);
  if (type !== AZ_SPREAD.type || field !== AZ_SPREAD.field) {
    report(`ECS service places its tasks by ${String(type)}${field ? ` on ${String(field)}` : ""} first, which can crowd them into one AZ; make the first orderedPlacementStrategies entry { type: "spread", field: "attribute:ecs.availability-zone" }.`);
  }
}

/**
 * Services keep running when an AZ fails: their tasks may land in at least minAzCount subnets, one per
 * AZ in this platform's layout (ec2-require-multi-az-subnets checks the layout), and on EC2 capacity
 * the placement spreads them over AZs first. Checks the awsx services' arguments (the offline plan)
 * and the aws:ecs/service:Service a real run shows. No FSBP control covers it.
 */
export const requireServicesAcrossAzs: PackResourcePolicy = {
  name: "ecs-require-services-across-azs",
  resourceTypes: SERVICE_TYPES,
  description: "ECS services run in subnets of at least the configured number of AZs (2 by default) and, on EC2 capacity, place tasks by spreading over AZs first.",
  severity: "high",
  remediationSteps: "Pass the private subnets of every AZ as networkConfiguration.subnets (platform config: network.azCount), and leave orderedPlacementStrategies empty or start it with { type: \"spread\", field: \"attribute:ecs.availability-zone\" }.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { minAzCount: { type: "integer", minimum: 2, default: 2, description: "Fewest AZs (subnets) a service's tasks may span." } },
  },
  validateResource: (args, reportViolation) => {
    if (!SERVICE_TYPES.includes(args.type)) return;
    const { minAzCount } = args.getConfig<ServiceSpreadConfig>();
    const pending: Unknown[] = [];
    const fargate = runsOnFargate(args.type, args.props);
    checkSubnets(args.type, resolve(args.props, "networkConfiguration"), fargate, minAzCount, pending, reportViolation);
    if (fargate instanceof Unknown) pending.push(fargate);
    else if (!fargate) checkPlacement(resolve(args.props, "orderedPlacementStrategies"), pending, reportViolation);
    if (pending.length > 0) undecidable(args.props, pending[0]);
  },
};
