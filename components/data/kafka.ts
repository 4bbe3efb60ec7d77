import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { DataStoreNetworkArgs, PHI_CLASSIFICATION, dataLogGroup, dataStoreSecurityGroup } from "./common";
import { KAFKA_IAM_PORT, kafkaAzCount, kafkaServerProperties } from "./messagingEngine";
import type { KafkaSettings } from "./messagingSettings";

export interface KafkaEndpoints {
  clusterArn: pulumi.Output<string>;
  clusterName: pulumi.Output<string>;
  /** Comma-separated IAM bootstrap brokers (port 9098). */
  bootstrapBrokers: pulumi.Output<string>;
  securityGroupId: pulumi.Output<string>;
}

/**
 * Amazon MSK in the private subnets: TLS between clients and brokers and inside the cluster, IAM
 * client authentication only (no unauthenticated, no plaintext, no SCRAM), encrypted at rest with
 * the data key, public access off, broker logs to an encrypted log group, and broker storage that
 * grows by Application Auto Scaling (kafka:broker-storage:VolumeSize).
 * https://docs.aws.amazon.com/msk/latest/developerguide/msk-autoexpand.html
 */
export function buildKafka(
  parent: pulumi.ComponentResource,
  name: string,
  args: KafkaSettings & DataStoreNetworkArgs & { availabilityZones: string[]; keys: Record<"data" | "logs", pulumi.Input<string>>; logRetentionDays: number },
): KafkaEndpoints {
  const sg = dataStoreSecurityGroup(parent, name, { vpcId: args.vpcId, port: KAFKA_IAM_PORT, service: "Kafka (IAM over TLS)", clientSecurityGroupIds: args.clientSecurityGroupIds });
  const logs = dataLogGroup(parent, childName(name, "broker-logs"), { retentionDays: args.logRetentionDays, kmsKeyArn: args.keys.logs });
  const configuration = new aws.msk.Configuration(
    childName(name, "config"),
    { kafkaVersions: [args.version], serverProperties: kafkaServerProperties(args.brokerCount), description: "Durable defaults: replication 3, min.insync 2, no unclean election" },
    { parent },
  );
  const azs = kafkaAzCount(args.availabilityZones.length);
  const cluster = new aws.msk.Cluster(
    childName(name, "cluster"),
    {
      kafkaVersion: args.version,
      numberOfBrokerNodes: args.brokerCount,
      brokerNodeGroupInfo: {
        instanceType: args.instanceType,
        clientSubnets: pulumi.output(args.subnetIds).apply((ids) => ids.slice(0, azs)),
        securityGroups: [sg.id],
        storageInfo: { ebsStorageInfo: { volumeSize: args.volumeSizeGiB } },
        connectivityInfo: { publicAccess: { type: "DISABLED" } },
      },
      encryptionInfo: { encryptionAtRestKmsKeyArn: args.keys.data, encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
      clientAuthentication: { sasl: { iam: true, scram: false }, unauthenticated: false },
      configurationInfo: { arn: configuration.arn, revision: configuration.latestRevision },
      enhancedMonitoring: args.enhancedMonitoring,
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: logs.name } } },
      tags: tierTags("data", PHI_CLASSIFICATION),
    },
    // Autoscaling grows the volumes; the program must not shrink them back to the initial size.
    { parent, protect: args.protect, ignoreChanges: ["brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"] },
  );
  storageAutoscaling(parent, name, cluster, args);
  return { clusterArn: cluster.arn, clusterName: cluster.clusterName, bootstrapBrokers: cluster.bootstrapBrokersSaslIam, securityGroupId: sg.id };
}

/**
 * Broker storage grows by Application Auto Scaling: a scalable target on
 * kafka:broker-storage:VolumeSize and a target-tracking policy on KafkaBrokerStorageUtilization.
 * Deleting the cluster leaves the policy's CloudWatch alarm behind (an AWS behaviour).
 * https://docs.aws.amazon.com/msk/latest/developerguide/msk-autoexpand-setup-api.html
 */
function storageAutoscaling(parent: pulumi.ComponentResource, name: string, cluster: aws.msk.Cluster, args: KafkaSettings): void {
  const target = new aws.appautoscaling.Target(
    childName(name, "storage"),
    { serviceNamespace: "kafka", scalableDimension: "kafka:broker-storage:VolumeSize", resourceId: cluster.arn, minCapacity: 1, maxCapacity: args.maxVolumeSizeGiB, tags: tierTags("data") },
    { parent },
  );
  new aws.appautoscaling.Policy(
    childName(name, "storage"),
    {
      policyType: "TargetTrackingScaling",
      serviceNamespace: target.serviceNamespace,
      scalableDimension: target.scalableDimension,
      resourceId: target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        predefinedMetricSpecification: { predefinedMetricType: "KafkaBrokerStorageUtilization" },
        targetValue: args.storageTargetPercent,
        // MSK cannot shrink volumes; scale-in is disabled by the service anyway.
        disableScaleIn: true,
      },
    },
    { parent },
  );
}
