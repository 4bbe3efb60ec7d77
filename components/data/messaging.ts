import * as pulumi from "@pulumi/pulumi";
import { AccountContext, accountContext } from "../account";
import { KeyArns, keysFor } from "../security/ownKeys";
import type { DataStoreNetworkArgs } from "./common";
import { buildKafka } from "./kafka";
import { AMQPS_PORT, KAFKA_IAM_PORT } from "./messagingEngine";
import { MessagingEngineArgs, MessagingSettings, resolveMessagingArgs } from "./messagingSettings";
import { buildRabbitMq } from "./rabbitmq";

/**
 * The engine is the one choice the caller must make, and its settings are its own: `{ engine:
 * "kafka", kafka?, availabilityZones }` or `{ engine: "rabbitmq", rabbitmq? }`. Everything else
 * defaults to the secure, highly available choice (messagingSettings.ts).
 */
export type MessagingArgs = Partial<MessagingSettings> & DataStoreNetworkArgs & MessagingEngineArgs & {
  /**
   * KMS keys: Kafka encrypts at rest with `data` and its broker logs with `logs`; RabbitMQ's user
   * secret uses `secrets` (Amazon MQ encrypts RabbitMQ brokers only with an AWS-owned key).
   * @default the component's own customer-managed key per class it uses, rotation on, protected as the brokers are
   */
  keys?: KeyArns;
  /**
   * Account, partition and region, for the policies of the component's own keys.
   * @default what the component's provider answers
   */
  account?: AccountContext;
};

/**
 * Messaging for the platform's services, Kafka on MSK or RabbitMQ on Amazon MQ, chosen per system.
 * Both are private, TLS-only and authenticated; see kafka.ts and rabbitmq.ts.
 */
export class Messaging extends pulumi.ComponentResource {
  readonly engine: "kafka" | "rabbitmq";
  /** Kafka: comma-separated IAM bootstrap brokers. RabbitMQ: the amqps:// endpoint. */
  readonly endpoint: pulumi.Output<string>;
  readonly port: number;
  readonly securityGroupId: pulumi.Output<string>;
  /** RabbitMQ's user secret; undefined for Kafka, whose clients authenticate with IAM. */
  readonly secretArn?: pulumi.Output<string>;
  /** MSK cluster ARN and name (IAM grants and alarms); set for Kafka only. */
  readonly kafka?: { clusterArn: pulumi.Output<string>; clusterName: pulumi.Output<string> };
  /** Amazon MQ broker id and name (alarms); set for RabbitMQ only. */
  readonly rabbitmq?: { brokerId: pulumi.Output<string>; brokerName: pulumi.Output<string> };

  constructor(name: string, args: MessagingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:data:Messaging", name, {}, opts);
    const s = resolveMessagingArgs(name, args);
    const account = () => accountContext(this, args.account);
    const network = { vpcId: args.vpcId, subnetIds: args.subnetIds, clientSecurityGroupIds: args.clientSecurityGroupIds };
    this.engine = s.engine;
    if (s.engine === "kafka") {
      const keys = keysFor(this, name, ["data", "logs"], args.keys, { account, protect: s.kafka.protect, kind: "Messaging" });
      const k = buildKafka(this, name, { ...network, ...s.kafka, availabilityZones: s.availabilityZones, keys, logRetentionDays: s.logRetentionDays });
      this.endpoint = k.bootstrapBrokers;
      this.port = KAFKA_IAM_PORT;
      this.securityGroupId = k.securityGroupId;
      this.kafka = { clusterArn: k.clusterArn, clusterName: k.clusterName };
    } else {
      const keys = keysFor(this, name, ["secrets"], args.keys, { account, protect: s.rabbitmq.protect, kind: "Messaging" });
      const r = buildRabbitMq(this, name, { ...network, ...s.rabbitmq, secretsKeyArn: keys.secrets, secretRecoveryWindowDays: s.secretRecoveryWindowDays });
      this.endpoint = r.endpoint;
      this.port = AMQPS_PORT;
      this.securityGroupId = r.securityGroupId;
      this.secretArn = r.secretArn;
      this.rabbitmq = { brokerId: r.brokerId, brokerName: r.brokerName };
    }
    this.registerOutputs({
      engine: this.engine, endpoint: this.endpoint, port: this.port, securityGroupId: this.securityGroupId,
      secretArn: this.secretArn, kafka: this.kafka, rabbitmq: this.rabbitmq,
    });
  }
}
