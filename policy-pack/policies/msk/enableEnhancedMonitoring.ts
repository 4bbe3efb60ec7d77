import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { read } from "../../lib/unknowns";

/**
 * MSK.2: the cluster publishes at least per-broker metrics. DEFAULT, also MSK's value when the
 * property is omitted, publishes only cluster-level metrics, which cannot show a broker running
 * out of disk or lagging replication; the data tier's alarms read per-broker metrics.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-2
 * https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html
 */
export const enableEnhancedMonitoring: PackResourcePolicy = {
  name: "msk-enable-enhanced-monitoring",
  resourceTypes: [T.mskCluster],
  description: "MSK clusters publish enhanced monitoring metrics at PER_BROKER level or finer, not only MSK's DEFAULT cluster-level metrics.",
  severity: "low",
  framework: fsbp("MSK.2"),
  remediationSteps: "Set enhancedMonitoring on the aws.msk.Cluster to PER_BROKER, PER_TOPIC_PER_BROKER or PER_TOPIC_PER_PARTITION (platform config: messaging.kafka.enhancedMonitoring).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.mskCluster) return;
    const setting = read<string>(args.props, "enhancedMonitoring");
    if (setting.unknown) return;
    const level = setting.value;
    if (level === undefined || level === "DEFAULT") {
      reportViolation(`MSK cluster publishes only ${level === undefined ? "MSK's DEFAULT (enhancedMonitoring unset)" : "DEFAULT"} cluster-level metrics; set enhancedMonitoring to PER_BROKER or finer.`);
    }
  },
};
