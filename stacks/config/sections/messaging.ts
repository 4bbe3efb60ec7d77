/**
 * `platform:messaging`: Kafka on Amazon MSK or RabbitMQ on Amazon MQ, chosen per system with
 * `engine`; `engine: none` turns messaging off explicitly. Both engines' settings carry profile
 * defaults, so choosing an engine is enough.
 */
import { z } from "zod";
import {
  KAFKA_MAX_VOLUME_GIB, KAFKA_STORAGE_TARGET, KAFKA_VERSIONS, RABBITMQ_VERSIONS, kafkaAzCount, kafkaBrokerCountProblem,
} from "../../../components/data/messagingEngine";
import {
  KAFKA_MONITORING_LEVELS, KAFKA_PRESETS, RABBITMQ_PRESETS, WEEK_DAYS, checkKafkaSettings, checkRabbitMqSettings,
} from "../../../components/data/messagingSettings";
import { ConfigProblem, underKey } from "../problems";
import { Profile, mapProfiles } from "../values";
import type { NetworkConfig } from "./network";

const KEY = "platform:messaging";

export const kafkaSchema = z.strictObject({
  version: z.enum(KAFKA_VERSIONS).describe(`Kafka version MSK runs: ${KAFKA_VERSIONS.join(", ")} (4.x is KRaft only).`),
  brokerCount: z.number().int().min(2).max(30).describe("Brokers, 2 to 30; a multiple of the AZs they spread over (network.azCount, at most 3)."),
  instanceType: z.string().regex(/^kafka\.[a-z0-9]+\.[a-z0-9]+$/, "an MSK broker type such as kafka.m5.large").describe("Broker instance type, e.g. kafka.t3.small or kafka.m5.large."),
  volumeSizeGiB: z.number().int().min(1).max(KAFKA_MAX_VOLUME_GIB).describe(`Initial EBS storage per broker in GiB, 1 to ${KAFKA_MAX_VOLUME_GIB}.`),
  maxVolumeSizeGiB: z.number().int().min(1).max(KAFKA_MAX_VOLUME_GIB).describe(`Storage autoscaling ceiling per broker in GiB, up to ${KAFKA_MAX_VOLUME_GIB}; at least volumeSizeGiB.`),
  storageTargetPercent: z.number().int().min(KAFKA_STORAGE_TARGET.min).max(KAFKA_STORAGE_TARGET.max).describe("Disk utilization (%) at which MSK grows broker storage, 10 to 80 (AWS limits)."),
  enhancedMonitoring: z.enum(KAFKA_MONITORING_LEVELS)
    .describe("Enhanced monitoring level (billed CloudWatch metrics): PER_BROKER, PER_TOPIC_PER_BROKER or PER_TOPIC_PER_PARTITION. Basic (DEFAULT) is not offered."),
  protect: z.boolean().describe("Pulumi `protect` on the cluster. Mandatory in prod."),
});

export const rabbitmqSchema = z.strictObject({
  engineVersion: z.enum(Object.keys(RABBITMQ_VERSIONS) as [string, ...string[]]).describe("RabbitMQ version: 4.2 (mq.m7g only) or 3.13."),
  instanceType: z.string().regex(/^mq\.[a-z0-9]+\.[a-z0-9]+$/, "an Amazon MQ broker type such as mq.m7g.large").describe("Broker instance type, e.g. mq.m7g.medium or mq.m5.large."),
  deploymentMode: z.enum(["SINGLE_INSTANCE", "CLUSTER_MULTI_AZ"]).describe("SINGLE_INSTANCE (one node) or CLUSTER_MULTI_AZ (three nodes over AZs). Multi-AZ is mandatory in prod."),
  username: z.string().regex(/^[A-Za-z0-9._-]{2,100}$/, "2 to 100 letters, digits, '.', '_' or '-'").refine((u) => u !== "guest", "any name but guest (Amazon MQ forbids it)")
    .describe("The broker's administrative user; its password is generated and kept in Secrets Manager."),
  maintenanceDay: z.enum(WEEK_DAYS).describe("Day the weekly maintenance window starts (UTC)."),
  maintenanceTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a UTC time hh:mm").describe("Time the weekly maintenance window starts, UTC hh:mm."),
  protect: z.boolean().describe("Pulumi `protect` on the broker. Mandatory in prod."),
});

export const messagingSchema = z.strictObject({
  engine: z.enum(["kafka", "rabbitmq", "none"]).describe("kafka (Amazon MSK), rabbitmq (Amazon MQ) or none, which turns messaging off explicitly."),
  kafka: kafkaSchema,
  rabbitmq: rabbitmqSchema,
});
export type MessagingConfig = z.infer<typeof messagingSchema>;
export type KafkaConfig = z.infer<typeof kafkaSchema>;
export type RabbitMqConfig = z.infer<typeof rabbitmqSchema>;

/**
 * The reference medical system has no messaging: every profile defaults to none. Each engine's
 * settings are the component's presets (components/data/messagingSettings.ts), so choosing an
 * engine is enough.
 */
export const MESSAGING_DEFAULTS: Record<Profile, MessagingConfig> = mapProfiles((p) => ({ engine: "none", kafka: KAFKA_PRESETS[p], rabbitmq: RABBITMQ_PRESETS[p] }));

function kafkaProblems(k: KafkaConfig, profile: Profile | undefined, network: NetworkConfig | undefined): ConfigProblem[] {
  const problems = underKey(KEY, checkKafkaSettings(k));
  if (network) {
    const layout = kafkaBrokerCountProblem(k.brokerCount, network.azCount);
    if (layout) problems.push({ key: `${KEY}.kafka.brokerCount`, value: k.brokerCount, allowed: layout });
    if (profile === "prod" && kafkaAzCount(network.azCount) < 3) {
      problems.push({ key: `${KEY}.kafka.brokerCount`, value: k.brokerCount, allowed: "brokers over at least 3 AZs when profile is prod (network.azCount ≥ 3)" });
    }
  }
  if (profile === "prod" && !k.protect) {
    problems.push({ key: `${KEY}.kafka.protect`, value: false, allowed: "true when profile is prod: stateful resources in prod are protected" });
  }
  return problems;
}

function rabbitProblems(r: RabbitMqConfig, profile: Profile | undefined): ConfigProblem[] {
  const problems = underKey(KEY, checkRabbitMqSettings(r));
  if (profile === "prod" && r.deploymentMode !== "CLUSTER_MULTI_AZ") {
    problems.push({ key: `${KEY}.rabbitmq.deploymentMode`, value: r.deploymentMode, allowed: "\"CLUSTER_MULTI_AZ\" when profile is prod: Multi-AZ is mandatory in prod" });
  }
  if (profile === "prod" && !r.protect) {
    problems.push({ key: `${KEY}.rabbitmq.protect`, value: false, allowed: "true when profile is prod: stateful resources in prod are protected" });
  }
  return problems;
}

/** Only the chosen engine's settings are checked; the other's defaults stay unused. */
export function messagingRules(c: { profile?: Profile; messaging?: MessagingConfig; network?: NetworkConfig }): ConfigProblem[] {
  const m = c.messaging;
  if (!m || m.engine === "none") return [];
  return m.engine === "kafka" ? kafkaProblems(m.kafka, c.profile, c.network) : rabbitProblems(m.rabbitmq, c.profile);
}
