import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export interface LogRetentionConfig {
  /** Fewest days a log group may keep its records. */
  minRetentionDays: number;
}

export const configureLogGroupRetention: PackResourcePolicy = {
  name: "cloudwatch-configure-log-group-retention",
  resourceTypes: [T.logGroup],
  description: "CloudWatch log groups keep records for a set number of days, at least the configured minimum; never 'forever' by omission. DELIVERY-class groups are out of scope: AWS fixes their retention at 2 days because they only relay vended logs onward.",
  severity: "medium",
  remediationSteps: "Set retentionInDays on the aws.cloudwatch.LogGroup to a CloudWatch retention value at or above minRetentionDays.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { minRetentionDays: { type: "integer", minimum: 1, default: 7, description: "Fewest days a log group may keep its records." } },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.logGroup) return;
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch_Logs_Log_Classes.html
    if (args.props.logGroupClass === "DELIVERY") return;
    const { minRetentionDays } = args.getConfig<LogRetentionConfig>();
    const days = args.props.retentionInDays;
    if (days === undefined || days === null || days === 0) {
      reportViolation(`Log group has no retention, so it keeps data forever at cost; set retentionInDays to at least ${minRetentionDays}.`);
    } else if (days < minRetentionDays) {
      reportViolation(`Log group keeps records ${days} days; set retentionInDays to at least ${minRetentionDays}.`);
    }
  },
};
