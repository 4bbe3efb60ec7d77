/**
 * Recorded-resource fixtures for the monitoring policies: alert topics with a subscription, a
 * compliant trail, the stateful resources alarms must watch, and alarms as the monitoring tier
 * builds them (plain metric and metric math). Change one property per failing case with
 * withInputs/withOutputs from fixtures.ts.
 */
import type { RecordedResource } from "../../offline/recorder";
import { T } from "../lib/types";
import { dependsOn, fixture } from "./fixtures";

export const ACCOUNT = "123456789012";
export const KEY_ARN = `arn:aws:kms:us-west-2:${ACCOUNT}:key/0b7e6c1a-1111-4222-8333-444455556666`;
const topicArn = (name: string) => `arn:aws:sns:us-west-2:${ACCOUNT}:${name}`;

/** Same props as inputs and outputs: resource policies read inputs, stack policies outputs. */
const both = (props: Record<string, any>) => ({ inputs: props, outputs: props });

function topic(severity: string): RecordedResource {
  const arn = topicArn(`medsearch-prod-${severity}`);
  return fixture(T.snsTopic, severity, both({ id: arn, arn, name: `medsearch-prod-${severity}`, kmsMasterKeyId: KEY_ARN, tags: { Severity: severity } }));
}

export const criticalTopic = topic("critical");
export const warningTopic = topic("warning");

export const subscription = (to: RecordedResource, name = "critical-email-1"): RecordedResource =>
  fixture(T.snsTopicSubscription, name, { ...both({ topic: to.outputs.arn, protocol: "email", endpoint: "oncall@example.com" }), ...dependsOn({ topic: [to.urn] }) });

export const trail = fixture(T.trail, "audit", both({
  name: "medsearch-prod-audit",
  s3BucketName: "medsearch-prod-logs",
  isMultiRegionTrail: true,
  includeGlobalServiceEvents: true,
  enableLogFileValidation: true,
  kmsKeyId: KEY_ARN,
  advancedEventSelectors: [{ name: "All management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }],
}));

export const rdsInstance = fixture(T.rdsInstance, "db", { outputs: { id: "db-ABCDEFGHIJKL", identifier: "medsearch-db" } });
export const replicationGroup = fixture(T.cacheReplicationGroup, "redis", { outputs: { id: "medsearch-redis", replicationGroupId: "medsearch-redis", memberClusters: ["medsearch-redis-001", "medsearch-redis-002"] } });
export const broker = fixture(T.mqBroker, "mq", { outputs: { id: "b-1234", brokerName: "medsearch-mq" } });
export const kafka = fixture(T.mskCluster, "msk", { outputs: { id: "arn:aws:kafka:us-west-2:123456789012:cluster/medsearch-msk/abc", clusterName: "medsearch-msk" } });

/** A plain-metric alarm paging `to` about the resource with these dimensions. */
export function alarm(name: string, dimensions: Record<string, string>, to: RecordedResource = criticalTopic): RecordedResource {
  return fixture(T.metricAlarm, name, {
    ...both({
      name: `medsearch-prod-${name}`, namespace: "AWS/RDS", metricName: "CPUUtilization", statistic: "Average", period: 300, dimensions,
      comparisonOperator: "GreaterThanThreshold", threshold: 80, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "missing",
      actionsEnabled: true, alarmActions: [to.outputs.arn], okActions: [to.outputs.arn],
    }),
    ...dependsOn({ alarmActions: [to.urn] }),
  });
}

/** A metric-math alarm (RabbitMQ memory %) paging `to`, its broker only in the metric queries. */
export function mathAlarm(name: string, brokerName: string, to: RecordedResource = criticalTopic): RecordedResource {
  const metric = (metricName: string) => ({ namespace: "AWS/AmazonMQ", metricName, stat: "Maximum", period: 300, dimensions: { Broker: brokerName } });
  return fixture(T.metricAlarm, name, {
    ...both({
      name: `medsearch-prod-${name}`,
      metricQueries: [
        { id: "e1", expression: "100 * m1 / m2", label: "memory %", returnData: true },
        { id: "m1", returnData: false, metric: metric("RabbitMQMemUsed") },
        { id: "m2", returnData: false, metric: metric("RabbitMQMemLimit") },
      ],
      comparisonOperator: "GreaterThanThreshold", threshold: 80, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "missing",
      actionsEnabled: true, alarmActions: [to.outputs.arn], okActions: [to.outputs.arn],
    }),
    ...dependsOn({ alarmActions: [to.urn] }),
  });
}

/** Every stateful kind with the critical alarm the monitoring tier gives it. */
export const watchedStack = (): RecordedResource[] => [
  criticalTopic, warningTopic, subscription(criticalTopic),
  rdsInstance, alarm("database-cpu-1", { DBInstanceIdentifier: "medsearch-db" }),
  replicationGroup, alarm("cache-memory-1", { CacheClusterId: "medsearch-redis-001" }),
  broker, mathAlarm("rabbitmq-memory", "medsearch-mq"),
  kafka, alarm("kafka-disk-used-broker-1", { "Cluster Name": "medsearch-msk", "Broker ID": "1" }),
];
