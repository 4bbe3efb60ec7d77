import { TASK_TYPES, isPlain, taskOf } from "../../lib/ecs";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { Unknown, undecidable } from "../../lib/unknowns";

export interface LogConfigurationConfig {
  /** Log drivers a container may use. */
  allowedLogDrivers: string[];
}

/**
 * Every container ships its output somewhere durable: a logConfiguration whose driver is awslogs
 * (CloudWatch Logs) or awsfirelens (FireLens routing, e.g. to CloudWatch or S3) (FSBP ECS.9, AWS
 * Config rule ecs-task-definition-log-configuration). A container of an awsx task definition without
 * one gets awslogs to the task's log group unless logGroup.skip is set, so it complies here; the log
 * group itself (encryption, retention) is the cloudwatch-* policies' business.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
 */
export const requireLogConfiguration: PackResourcePolicy = {
  name: "ecs-require-log-configuration",
  resourceTypes: TASK_TYPES,
  description: "Every ECS container has a logConfiguration with an allowed log driver (awslogs or awsfirelens by default).",
  severity: "high",
  framework: fsbp("ECS.9"),
  remediationSteps: "Give each container logConfiguration { logDriver: \"awslogs\", options: { \"awslogs-group\": <the service's KMS-encrypted log group>, \"awslogs-region\", \"awslogs-stream-prefix\" } }, or route through FireLens (awsfirelens).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowedLogDrivers: {
        type: "array",
        items: { type: "string", minLength: 1 },
        minItems: 1,
        default: ["awslogs", "awsfirelens"],
        description: "Log drivers a container may use.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const task = taskOf(args.type, args.props);
    if (!task) return;
    const { allowedLogDrivers } = args.getConfig<LogConfigurationConfig>();
    const pending: Unknown[] = [...task.hidden];
    const missing: string[] = [];
    const otherDriver: string[] = [];
    for (const c of task.containers) {
      const log = c.def.logConfiguration;
      const driver = isPlain(log) ? log.logDriver : log;
      if (driver instanceof Unknown) pending.push(driver);
      else if (driver === undefined || driver === null) {
        if (task.defaultLogs instanceof Unknown) pending.push(task.defaultLogs);
        else if (!task.defaultLogs) missing.push(c.name);
      } else if (!allowedLogDrivers.includes(String(driver))) otherDriver.push(`${c.name}: ${String(driver)}`);
    }
    if (missing.length > 0) {
      reportViolation(`Task definition has no log configuration for container ${missing.join(", ")}; give each a logConfiguration with logDriver ${allowedLogDrivers.join(" or ")}.`);
    }
    if (otherDriver.length > 0) {
      reportViolation(`Task definition logs through a driver the pack does not allow (${otherDriver.join("; ")}); use logDriver ${allowedLogDrivers.join(" or ")}.`);
    }
    if (pending.length > 0) undecidable(args.props, pending[0]);
  },
};
