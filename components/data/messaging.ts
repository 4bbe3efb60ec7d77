import * as pulumi from "@pulumi/pulumi";
import { throwIfProblems } from "../errors";
import { kafkaArgProblems, rabbitMqArgProblems } from "./argChecks";
import { DataKeyArgs, DataNetworkArgs } from "./common";
import { KafkaArgs, buildKafka } from "./kafka";
import { AMQPS_PORT, KAFKA_IAM_PORT } from "./messagingEngine";
import { RabbitMqArgs, buildRabbitMq } from "./rabbitmq";

export interface MessagingArgs extends DataNetworkArgs, DataKeyArgs {
  /** "kafka" (Amazon MSK) or "rabbitmq" (Amazon MQ); a stack without messaging builds no component. */
  engine: "kafka" | "rabbitmq";
  /** Days broker logs are kept (MSK); a CloudWatch Logs retention value. */
  logRetentionDays: number;
  /** Days a deleted broker secret can be restored, 7 to 30 (RabbitMQ). */
  secretRecoveryWindowDays: number;
  /** Settings of the MSK cluster; used when engine is kafka. */
  kafka: KafkaArgs;
  /** Settings of the Amazon MQ broker; used when engine is rabbitmq. */
  rabbitmq: RabbitMqArgs;
}

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
    throwIfProblems(name, args.engine === "kafka" ? kafkaArgProblems(args.kafka) : rabbitMqArgProblems({ ...args.rabbitmq, availabilityZones: args.availabilityZones }));
    this.engine = args.engine;
    if (args.engine === "kafka") {
      const k = buildKafka(this, name, { ...args, ...args.kafka });
      this.endpoint = k.bootstrapBrokers;
      this.port = KAFKA_IAM_PORT;
      this.securityGroupId = k.securityGroupId;
      this.kafka = { clusterArn: k.clusterArn, clusterName: k.clusterName };
    } else {
      const r = buildRabbitMq(this, name, { ...args, ...args.rabbitmq });
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
