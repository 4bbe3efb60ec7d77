/**
 * Amazon MSK and Amazon MQ for RabbitMQ rules the program mirrors. Pure; no Pulumi imports.
 */
import type { Sourced } from "../aws/sourced";

const MSK_VERSIONS_PAGE = "https://docs.aws.amazon.com/msk/latest/developerguide/supported-kafka-versions.html";

/**
 * Kafka versions MSK offers for new Standard-broker clusters on 2026-12-06. 3.6.0 reached end of
 * support on 2026-06-01 and 3.7.x on 2026-09-01, so neither is offered; 4.x runs in KRaft mode only
 * (the ".kraft" suffix); 4.2.x.kraft runs on Express brokers only (aws-cdk's
 * KafkaVersion.V4_2_X_KRAFT: "Currently only supported on MSK Express brokers"), and the platform
 * runs Standard brokers. AWS marks 3.9.x as recommended. The stored copies of the AWS page stop at
 * 4.0.x, so 4.1.x.kraft and the .kraft variants of 3.8.x rest on secondary sources.
 */
export const KAFKA_VERSION_SOURCES: Readonly<Record<string, Sourced>> = {
  "3.8.x": { source: MSK_VERSIONS_PAGE, checked: "2026-12-06", sourceKind: "aws-doc" },
  "3.8.x.kraft": { source: "https://www.endoflife.date/amazon-msk", checked: "2026-12-06", sourceKind: "secondary", note: "The KRaft variant of 3.8.x, from a third-party list of `aws kafka list-kafka-versions` output." },
  "3.9.x": { source: MSK_VERSIONS_PAGE, checked: "2026-12-06", sourceKind: "aws-doc", note: "Recommended by AWS (third-party notes of 2026-06 and 2026-09; the stored AWS copies are older and still recommend 3.8.x). The last line with ZooKeeper mode." },
  "3.9.x.kraft": { source: MSK_VERSIONS_PAGE, checked: "2026-12-06", sourceKind: "aws-doc" },
  "4.0.x.kraft": { source: MSK_VERSIONS_PAGE, checked: "2026-12-06", sourceKind: "aws-doc" },
  "4.1.x.kraft": { source: "https://www.endoflife.date/amazon-msk", checked: "2026-12-06", sourceKind: "secondary", note: "Released 2025-10-15; third-party notes of 2026-09-18 call it the newest version for Standard brokers." },
};

export const KAFKA_VERSIONS = Object.keys(KAFKA_VERSION_SOURCES) as [string, ...string[]];

/** IAM-authenticated clients connect on 9098 inside the VPC; no other listener is enabled. */
export const KAFKA_IAM_PORT = 9098;

/**
 * MSK places brokers in 2 or 3 AZs (one client subnet each); the broker count must be a multiple
 * of that. https://docs.aws.amazon.com/msk/latest/developerguide/create-cluster.html
 */
export function kafkaAzCount(stackAzs: number): number {
  return Math.min(stackAzs, 3);
}

/** Why `brokerCount` brokers cannot spread evenly over the AZs MSK uses of `stackAzs`, or undefined. */
export function kafkaBrokerCountProblem(brokerCount: number, stackAzs: number): string | undefined {
  const azs = kafkaAzCount(stackAzs);
  if (brokerCount % azs === 0) return undefined;
  return `a multiple of ${azs}, the AZs the brokers spread over (${stackAzs} AZs; MSK uses at most 3): MSK needs the same number of brokers in every AZ`;
}

/**
 * Broker settings for durability: topics are created on purpose, every partition has three copies
 * (or as many as there are brokers), a write needs all but one copy, and an out-of-sync replica
 * never becomes leader, so an acknowledged write is never lost.
 * https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html
 */
export function kafkaServerProperties(brokers: number): string {
  const replication = Math.min(3, brokers);
  const minInsync = Math.max(1, replication - 1);
  return [
    "auto.create.topics.enable=false",
    `default.replication.factor=${replication}`,
    `min.insync.replicas=${minInsync}`,
    "unclean.leader.election.enable=false",
  ].join("\n");
}

/** MSK storage autoscaling: target 10 to 80% utilization, at most 16384 GiB per broker. */
export const KAFKA_MAX_VOLUME_GIB = 16384;
export const KAFKA_STORAGE_TARGET = { min: 10, max: 80 } as const;

const MQ_RABBITMQ_VERSIONS_PAGE = "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-version-management.html";

/** A RabbitMQ version Amazon MQ offers, and the broker instance families it runs on. */
export interface RabbitMqVersion extends Sourced {
  families: readonly string[];
}

/**
 * Amazon MQ for RabbitMQ engine versions: 4.2 runs "only on the mq.m7g instance type across all
 * supported instance sizes"; 3.13 runs on mq.t3, mq.m5 and mq.m7g (a broker cannot move from
 * mq.m5/mq.m7g down to mq.t3.micro). 3.12 and older have reached end of support.
 */
export const RABBITMQ_VERSIONS: Readonly<Record<string, RabbitMqVersion>> = {
  "4.2": { families: ["mq.m7g"], source: MQ_RABBITMQ_VERSIONS_PAGE, checked: "2026-12-06", sourceKind: "aws-doc" },
  "3.13": { families: ["mq.t3", "mq.m5", "mq.m7g"], source: MQ_RABBITMQ_VERSIONS_PAGE, checked: "2026-12-06", sourceKind: "aws-doc" },
};

/** AMQP over TLS; RabbitMQ on Amazon MQ offers no plaintext listener. */
export const AMQPS_PORT = 5671;

export function rabbitMqProblem(version: string, instanceType: string): string | undefined {
  const families = RABBITMQ_VERSIONS[version]?.families;
  if (!families) return `a RabbitMQ version Amazon MQ offers: ${Object.keys(RABBITMQ_VERSIONS).join(", ")}`;
  const family = instanceType.split(".").slice(0, 2).join(".");
  if (!families.includes(family)) return `an instance type RabbitMQ ${version} runs on: ${families.map((f) => `${f}.*`).join(", ")}`;
  return undefined;
}

/**
 * The broker user's password: 12+ characters, 4+ distinct, never ',' ':' or '='. The generator
 * uses letters, digits and a few safe specials.
 * https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers-broker-id-users-username.html
 */
export const MQ_PASSWORD_SPECIALS = "!#$%&*+-.^_~";

export function isValidMqPassword(password: string): boolean {
  return password.length >= 12 && new Set(password).size >= 4 && !/[,:=]/.test(password);
}
