/**
 * What a service's role may name, by the names services use in config: the same maps for the EKS
 * workloads and the ECS services, so both engines grant exactly alike.
 */
import type * as pulumi from "@pulumi/pulumi";
import { kafkaTopicArn } from "../../components/data/outputs";
import type { DataTierOutputs } from "../../components/data/outputs";
import type { Storage } from "../../components/storage/storage";
import type { PlatformConfig } from "../config/schema";

export interface GrantableArns {
  /** Bucket ARNs by bucket config name. */
  bucketArns: Record<string, pulumi.Output<string>>;
  /** The data tier's secrets (database, cache, messaging) and the application secrets, by name. */
  secretArns: Record<string, pulumi.Output<string>>;
  /** Kafka topic ARNs by topic name; a RabbitMQ queue has no IAM ARN, so none is listed. */
  queueArns: Record<string, pulumi.Output<string>>;
}

export function grantableArns(
  config: PlatformConfig,
  { storage, data, appSecretArns }: { storage: Storage; data: DataTierOutputs; appSecretArns: Record<string, pulumi.Output<string>> },
): GrantableArns {
  const kafka = data.messaging?.kafka;
  const topics = [...new Set(config.services.flatMap((s) => s.queues))];
  return {
    bucketArns: Object.fromEntries(Object.entries(storage.buckets).map(([name, b]) => [name, b.arn])),
    secretArns: { ...data.secretArns, ...appSecretArns },
    queueArns: kafka ? Object.fromEntries(topics.map((t) => [t, kafka.clusterArn.apply((arn) => kafkaTopicArn(arn, t))])) : {},
  };
}
