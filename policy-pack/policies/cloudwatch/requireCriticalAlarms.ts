import type { PackStackPolicy } from "../../lib/metadata";
import { criticalTopics, notifies, statefulResources, watches } from "../../lib/alerts";
import { T } from "../../lib/types";

export const requireCriticalAlarms: PackStackPolicy = {
  name: "cloudwatch-require-critical-alarms",
  resourceTypes: [T.metricAlarm, T.snsTopic, T.rdsInstance, T.rdsCluster, T.cacheReplicationGroup, T.cacheCluster, T.mqBroker, T.mskCluster],
  description:
    "Every stateful resource (RDS instance or cluster, ElastiCache cache, Amazon MQ broker, MSK cluster) has at least one CloudWatch alarm " +
    "whose ALARM action is a critical topic (an SNS topic tagged Severity=critical), so losing the data tier pages on-call before users notice. " +
    "An alarm watches a resource when its dimensions name it.",
  severity: "high",
  remediationSteps: "Pass the resource to the monitoring tier's targets (MonitoringTargets), which creates critical alarms for it; or add an aws.cloudwatch.MetricAlarm on one of its metrics with alarmActions set to the critical topic.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const alarms = args.resources.filter((r) => r.type === T.metricAlarm);
    const topics = criticalTopics(args.resources);
    const critical = alarms.filter((a) => topics.some((t) => notifies(a, t)));
    for (const s of statefulResources(args.resources)) {
      if (!critical.some((a) => watches(a, s))) {
        reportViolation(`${s.what} ${[...s.ids][0] ?? s.resource.name} has no alarm that pages a critical topic; add it to the monitoring tier's targets.`, s.resource.urn);
      }
    }
  },
};
