import type * as pulumi from "@pulumi/pulumi";

/** Names services use in `platform:services[].secrets` for the data tier's credentials. */
export const DATA_SECRET_NAMES = ["database", "cache", "messaging"] as const;
export type DataSecretName = (typeof DATA_SECRET_NAMES)[number];

/**
 * What the data tier hands the other tiers. The cluster tier grants each service's role read access
 * to exactly the `secretArns` its `secrets` list names, and admits its nodes through the security
 * groups; the monitoring tier alarms on the identifiers.
 */
export interface DataTierOutputs {
  database?: {
    /** ARN of the primary instance (AWS Backup selects it). */
    arn: pulumi.Output<string>;
    /** Writer "host:port" and host. */
    endpoint: pulumi.Output<string>;
    address: pulumi.Output<string>;
    /** Reader hosts, one per replica. */
    replicaAddresses: pulumi.Output<string>[];
    port: number;
    securityGroupId: pulumi.Output<string>;
    /** DB instance identifiers: the primary first, then each replica. */
    instanceIdentifiers: string[];
  };
  cache?: {
    /** Configuration endpoint in cluster mode, else the primary endpoint. */
    endpoint: pulumi.Output<string>;
    readerEndpoint?: pulumi.Output<string>;
    port: number;
    securityGroupId: pulumi.Output<string>;
    replicationGroupId: pulumi.Output<string>;
  };
  messaging?: {
    engine: "kafka" | "rabbitmq";
    endpoint: pulumi.Output<string>;
    port: number;
    securityGroupId: pulumi.Output<string>;
    kafka?: { clusterArn: pulumi.Output<string>; clusterName: pulumi.Output<string> };
    rabbitmq?: { brokerId: pulumi.Output<string>; brokerName: pulumi.Output<string> };
  };
  /** Secrets Manager ARNs by the names services use in `secrets`. Kafka has none (IAM auth). */
  secretArns: Partial<Record<DataSecretName, pulumi.Output<string>>>;
}

/**
 * The IAM ARN of a Kafka topic on an MSK cluster: the cluster ARN's `cluster/<name>/<uuid>` becomes
 * `topic/<name>/<uuid>/<topic>`. https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html#msk-iam-resources
 */
export function kafkaTopicArn(clusterArn: string, topic: string): string {
  const m = /^(arn:[^:]+:kafka:[^:]+:\d{12}):cluster\/([^/]+)\/([^/]+)$/.exec(clusterArn);
  if (!m) throw new Error(`not an MSK cluster ARN: ${clusterArn}`);
  return `${m[1]}:topic/${m[2]}/${m[3]}/${topic}`;
}
