import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * The highly available mode differs by engine: a three-node cluster for RabbitMQ, an active/standby
 * pair for ActiveMQ (AWS Config rules mq-rabbit-deployment-mode and mq-active-deployment-mode).
 * https://docs.aws.amazon.com/config/latest/developerguide/mq-rabbit-deployment-mode.html
 */
const MULTI_AZ_MODE: Record<string, string> = { RabbitMQ: "CLUSTER_MULTI_AZ", ActiveMQ: "ACTIVE_STANDBY_MULTI_AZ" };

export const requireMultiAzDeployment: PackResourcePolicy = {
  name: "mq-require-multi-az-deployment",
  resourceTypes: [T.mqBroker],
  description: "Amazon MQ brokers run in their engine's Multi-AZ mode (RabbitMQ: CLUSTER_MULTI_AZ; ActiveMQ: ACTIVE_STANDBY_MULTI_AZ).",
  severity: "high",
  remediationSteps: "Set deploymentMode on the aws.mq.Broker to CLUSTER_MULTI_AZ (RabbitMQ) or ACTIVE_STANDBY_MULTI_AZ (ActiveMQ) with subnets in several AZs.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.mqBroker) return;
    const expected = MULTI_AZ_MODE[args.props.engineType];
    const mode = args.props.deploymentMode ?? "SINGLE_INSTANCE";
    if (expected && mode !== expected) {
      reportViolation(`${args.props.engineType} broker runs as ${mode}, so an AZ failure stops messaging; set deploymentMode: "${expected}".`);
    }
  },
};
