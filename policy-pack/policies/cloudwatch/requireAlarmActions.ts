import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireAlarmActions: PackResourcePolicy = {
  name: "cloudwatch-require-alarm-actions",
  resourceTypes: [T.metricAlarm, T.compositeAlarm],
  description: "CloudWatch alarms notify someone: at least one ALARM action, with actions enabled (Security Hub CloudWatch.15 and CloudWatch.17, NIST 800-53 controls). An alarm without an action changes colour on a dashboard nobody is watching.",
  severity: "medium",
  remediationSteps: "Give the aws.cloudwatch.MetricAlarm (or CompositeAlarm) alarmActions with the SNS topic of its severity, and leave actionsEnabled at true.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.metricAlarm && args.type !== T.compositeAlarm) return;
    const actions = args.props.alarmActions;
    if (!Array.isArray(actions) || actions.length === 0) {
      reportViolation("Alarm has no alarmActions, so reaching ALARM notifies nobody; add the SNS topic of its severity.");
    } else if (args.props.actionsEnabled === false) {
      reportViolation("Alarm has actionsEnabled false, so its actions never run; set actionsEnabled to true.");
    }
  },
};
