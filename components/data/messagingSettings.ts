/**
 * Settings of the Messaging component per engine (Kafka on MSK, RabbitMQ on Amazon MQ), what a
 * direct caller gets by default, the per-profile presets the platform's stacks start from, and the
 * rules each service enforces. Pure; no Pulumi imports.
 */
import { LOGGING_PRESETS, LogRetentionDays } from "../logs";
import { Profile, mapProfiles } from "../profiles";
import { KEY_RING_PRESETS, SECRET_RECOVERY_WINDOW } from "../security/presets";
import { withDefaults } from "../defaults";
import { SettingProblem, assertNoProblems, intRange, logRetentionProblems, problem } from "../settings";
import { didYouMean } from "../suggest";
import { rabbitMqRegionProblems } from "./argChecks";
import { KAFKA_MAX_VOLUME_GIB, KAFKA_STORAGE_TARGET, KAFKA_VERSIONS, RABBITMQ_VERSIONS, kafkaBrokerCountProblem, rabbitMqProblem } from "./messagingEngine";

export type KafkaVersion = (typeof KAFKA_VERSIONS)[number];
export const KAFKA_MONITORING_LEVELS = ["PER_BROKER", "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION"] as const;
export const WEEK_DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

export interface KafkaSettings {
  /**
   * Kafka version MSK runs (messagingEngine.ts KAFKA_VERSIONS; 4.x is KRaft only).
   * https://docs.aws.amazon.com/msk/latest/developerguide/supported-kafka-versions.html
   * @default "3.9.x"
   */
  version: KafkaVersion;
  /** Brokers, 2 to 30: a multiple of the AZs they spread over (2 or 3). @default 3 */
  brokerCount: number;
  /** Broker instance type, e.g. kafka.t3.small or kafka.m5.large. @default "kafka.m5.large" */
  instanceType: string;
  /** Initial EBS storage per broker, GiB (1 to 16384). @default 1000 */
  volumeSizeGiB: number;
  /**
   * Storage autoscaling ceiling per broker, GiB, at least volumeSizeGiB and at most 16384.
   * https://docs.aws.amazon.com/msk/latest/developerguide/msk-autoexpand-details.html
   * @default 4000
   */
  maxVolumeSizeGiB: number;
  /** Disk utilization (%) at which storage grows, 10 to 80. @default 60 */
  storageTargetPercent: number;
  /**
   * Enhanced monitoring (billed CloudWatch metrics), never the basic DEFAULT.
   * https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html
   * @default "PER_BROKER"
   */
  enhancedMonitoring: (typeof KAFKA_MONITORING_LEVELS)[number];
  /** Pulumi `protect` on the cluster (and the component's own keys). @default true */
  protect: boolean;
}

export interface RabbitMqSettings {
  /**
   * "4.2" (mq.m7g only) or "3.13". https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-version-management.html
   * @default "4.2"
   */
  engineVersion: string;
  /** Broker instance type, e.g. mq.m7g.medium or mq.m7g.large. @default "mq.m7g.large" */
  instanceType: string;
  /**
   * SINGLE_INSTANCE (one subnet) or CLUSTER_MULTI_AZ (three nodes over the given subnets).
   * https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-broker-architecture.html
   * @default "CLUSTER_MULTI_AZ"
   */
  deploymentMode: "SINGLE_INSTANCE" | "CLUSTER_MULTI_AZ";
  /** The administrative user created with the broker; its password is generated. Not "guest". @default "platform_admin" */
  username: string;
  /** Day the weekly maintenance window starts (UTC), MONDAY to SUNDAY. @default "SUNDAY" */
  maintenanceDay: (typeof WEEK_DAYS)[number];
  /** Time the weekly maintenance window starts, UTC hh:mm. @default "06:30" */
  maintenanceTime: string;
  /** Pulumi `protect` on the broker, its secret and the component's own key. @default true */
  protect: boolean;
}

/** What both engines share. */
export interface MessagingSettings {
  /** Days broker logs are kept (MSK); a CloudWatch Logs retention value. @default 90 (LOGGING_DEFAULTS.retentionDays) */
  logRetentionDays: LogRetentionDays;
  /** Days a deleted broker secret can be restored (RabbitMQ), 7 to 30. @default 30 */
  secretRecoveryWindowDays: number;
}

const kafkaCommon = { version: "3.9.x" as const, maxVolumeSizeGiB: 2048, storageTargetPercent: 60, enhancedMonitoring: "PER_BROKER" as const };
const rabbitCommon = { engineVersion: "4.2", username: "platform_admin", maintenanceDay: "SUNDAY" as const, maintenanceTime: "06:30" };

/**
 * dev brokers are the smallest that run (two kafka.t3.small, one mq.m7g.medium); prod runs three
 * kafka.m5.large brokers with 1 TB each, as the billion-record system does, or a three-node
 * RabbitMQ cluster.
 */
export const KAFKA_PRESETS: Record<Profile, KafkaSettings> = {
  dev: { ...kafkaCommon, brokerCount: 2, instanceType: "kafka.t3.small", volumeSizeGiB: 100, maxVolumeSizeGiB: 500, protect: false },
  staging: { ...kafkaCommon, brokerCount: 3, instanceType: "kafka.m5.large", volumeSizeGiB: 500, protect: true },
  prod: { ...kafkaCommon, brokerCount: 3, instanceType: "kafka.m5.large", volumeSizeGiB: 1000, maxVolumeSizeGiB: 4000, protect: true },
};

export const RABBITMQ_PRESETS: Record<Profile, RabbitMqSettings> = {
  dev: { ...rabbitCommon, instanceType: "mq.m7g.medium", deploymentMode: "SINGLE_INSTANCE", protect: false },
  staging: { ...rabbitCommon, instanceType: "mq.m7g.large", deploymentMode: "CLUSTER_MULTI_AZ", protect: true },
  prod: { ...rabbitCommon, instanceType: "mq.m7g.large", deploymentMode: "CLUSTER_MULTI_AZ", protect: true },
};

export const MESSAGING_PRESETS: Record<Profile, MessagingSettings> = mapProfiles((p) => ({
  logRetentionDays: LOGGING_PRESETS[p].retentionDays,
  // Secrets wait as long as keys do before they are destroyed (both 7 to 30 days).
  secretRecoveryWindowDays: KEY_RING_PRESETS[p].deletionWindowDays,
}));

/** A direct caller's brokers: the prod presets. */
export const KAFKA_DEFAULTS: KafkaSettings = KAFKA_PRESETS.prod;
export const RABBITMQ_DEFAULTS: RabbitMqSettings = RABBITMQ_PRESETS.prod;
export const MESSAGING_DEFAULTS: MessagingSettings = MESSAGING_PRESETS.prod;

/** Every way MSK would reject these settings (but the broker layout, which needs the AZs). */
export function checkKafkaSettings(k: KafkaSettings): SettingProblem[] {
  const problems = [
    ...intRange("kafka.brokerCount", k.brokerCount, 2, 30, "MSK brokers per cluster"),
    ...intRange("kafka.volumeSizeGiB", k.volumeSizeGiB, 1, KAFKA_MAX_VOLUME_GIB, "MSK broker storage"),
    ...intRange("kafka.maxVolumeSizeGiB", k.maxVolumeSizeGiB, 1, KAFKA_MAX_VOLUME_GIB, "MSK broker storage"),
    ...intRange("kafka.storageTargetPercent", k.storageTargetPercent, KAFKA_STORAGE_TARGET.min, KAFKA_STORAGE_TARGET.max, "MSK storage autoscaling"),
  ];
  if (!(KAFKA_VERSIONS as readonly string[]).includes(k.version)) {
    problems.push(problem("kafka.version", k.version, `a Kafka version MSK offers for Standard brokers: ${KAFKA_VERSIONS.join(", ")}`, didYouMean(k.version, KAFKA_VERSIONS)));
  }
  if (!/^kafka\.[a-z0-9]+\.[a-z0-9]+$/.test(k.instanceType)) problems.push(problem("kafka.instanceType", k.instanceType, "an MSK broker type such as kafka.m5.large"));
  if (!(KAFKA_MONITORING_LEVELS as readonly string[]).includes(k.enhancedMonitoring)) problems.push(problem("kafka.enhancedMonitoring", k.enhancedMonitoring, KAFKA_MONITORING_LEVELS.join(", ")));
  if (k.maxVolumeSizeGiB < k.volumeSizeGiB) problems.push(problem("kafka.maxVolumeSizeGiB", k.maxVolumeSizeGiB, `at least volumeSizeGiB (${k.volumeSizeGiB}): storage only grows`));
  return problems;
}

/** Every way Amazon MQ would reject these settings. */
export function checkRabbitMqSettings(r: RabbitMqSettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const versions = Object.keys(RABBITMQ_VERSIONS);
  if (!RABBITMQ_VERSIONS[r.engineVersion]) problems.push(problem("rabbitmq.engineVersion", r.engineVersion, `one of ${versions.join(", ")}`, didYouMean(r.engineVersion, versions)));
  else {
    const type = rabbitMqProblem(r.engineVersion, r.instanceType);
    if (type) problems.push(problem("rabbitmq.instanceType", r.instanceType, type));
  }
  if (!/^[A-Za-z0-9._-]{2,100}$/.test(r.username) || r.username === "guest") {
    problems.push(problem("rabbitmq.username", r.username, "2 to 100 letters, digits, '.', '_' or '-', and any name but guest (Amazon MQ forbids it)"));
  }
  if (!(WEEK_DAYS as readonly string[]).includes(r.maintenanceDay)) problems.push(problem("rabbitmq.maintenanceDay", r.maintenanceDay, WEEK_DAYS.join(", ")));
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(r.maintenanceTime)) problems.push(problem("rabbitmq.maintenanceTime", r.maintenanceTime, "a UTC time hh:mm"));
  return problems;
}

export function checkMessagingSettings(m: MessagingSettings): SettingProblem[] {
  return [
    ...logRetentionProblems("logRetentionDays", m.logRetentionDays),
    ...intRange("secretRecoveryWindowDays", m.secretRecoveryWindowDays, SECRET_RECOVERY_WINDOW.min, SECRET_RECOVERY_WINDOW.max, "Secrets Manager DeleteSecret"),
  ];
}

/** The engine and its settings: one or the other, never both. */
export type MessagingEngineArgs =
  | {
    engine: "kafka";
    /** @default KAFKA_DEFAULTS, field by field */
    kafka?: Partial<KafkaSettings>;
    /** AZ names of the subnets, in order: brokers spread evenly over the first (at most) three. */
    availabilityZones: string[];
  }
  | {
    engine: "rabbitmq";
    /** @default RABBITMQ_DEFAULTS, field by field */
    rabbitmq?: Partial<RabbitMqSettings>;
  };

/** The chosen engine's full settings and the shared ones. */
export type ResolvedMessaging = MessagingSettings & (
  | { engine: "kafka"; kafka: KafkaSettings; availabilityZones: string[] }
  | { engine: "rabbitmq"; rabbitmq: RabbitMqSettings }
);

function kafkaLayoutProblems(k: KafkaSettings, azs: readonly string[]): SettingProblem[] {
  if (azs.length < 2) return [problem("availabilityZones", azs, "at least two AZ names: MSK spreads brokers over 2 or 3 AZs")];
  const layout = kafkaBrokerCountProblem(k.brokerCount, azs.length);
  return layout ? [problem("kafka.brokerCount", k.brokerCount, layout)] : [];
}

/** The messaging settings: the caller's, else the defaults, for the chosen engine only; throws listing every problem. */
export function resolveMessagingArgs(name: string, args: Partial<MessagingSettings> & MessagingEngineArgs & { account?: { region: string } }): ResolvedMessaging {
  const common = withDefaults(MESSAGING_DEFAULTS, args);
  if (args.engine === "kafka") {
    const kafka = withDefaults(KAFKA_DEFAULTS, args.kafka ?? {});
    assertNoProblems(name, [...checkMessagingSettings(common), ...checkKafkaSettings(kafka), ...kafkaLayoutProblems(kafka, args.availabilityZones)]);
    return { ...common, engine: "kafka", kafka, availabilityZones: args.availabilityZones };
  }
  const rabbitmq = withDefaults(RABBITMQ_DEFAULTS, args.rabbitmq ?? {});
  assertNoProblems(name, [...checkMessagingSettings(common), ...checkRabbitMqSettings(rabbitmq), ...rabbitMqRegionProblems(args.account?.region, rabbitmq)]);
  return { ...common, engine: "rabbitmq", rabbitmq };
}
