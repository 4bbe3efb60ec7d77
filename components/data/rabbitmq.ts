import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { DataStoreNetworkArgs, PHI_CLASSIFICATION, dataStoreSecurityGroup } from "./common";
import { AMQPS_PORT, MQ_PASSWORD_SPECIALS } from "./messagingEngine";
import type { RabbitMqSettings } from "./messagingSettings";
import { credentialSecret } from "./secrets";

export interface RabbitMqEndpoints {
  brokerId: pulumi.Output<string>;
  brokerName: pulumi.Output<string>;
  /** amqps:// endpoint of the broker (its load balancer in cluster mode). */
  endpoint: pulumi.Output<string>;
  securityGroupId: pulumi.Output<string>;
  secretArn: pulumi.Output<string>;
}

/**
 * Who rotates the broker's administrative password and how. Not Pulumi: Amazon MQ creates a RabbitMQ
 * broker's one user at provisioning and returns no users afterwards, so a change to `users` replaces
 * the broker (aws.mq.Broker docs); and not Secrets Manager, which would need a rotation Lambda the
 * platform does not deploy. An operator sets a new password through the RabbitMQ management API and
 * puts it into the secret.
 * https://www.pulumi.com/registry/packages/aws/api-docs/mq/broker/
 */
export const RABBITMQ_PASSWORD_ROTATED_BY =
  "operator on demand: set a new admin password with the RabbitMQ management API then put-secret-value - pulumi cannot since a user change replaces the broker - components/data/README.md";

/**
 * Amazon MQ for RabbitMQ in the private subnets, not publicly accessible, AMQPS only, general logs
 * on, minor versions upgraded automatically. Encryption at rest uses an AWS-owned key: RabbitMQ
 * brokers accept no customer-managed key (EncryptionOptions "does not apply to RabbitMQ brokers"),
 * so the platform's data key cannot be used here.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-encryptionoptions.html
 */
export function buildRabbitMq(
  parent: pulumi.ComponentResource,
  name: string,
  args: RabbitMqSettings & DataStoreNetworkArgs & { secretsKeyArn: pulumi.Input<string>; secretRecoveryWindowDays: number },
): RabbitMqEndpoints {
  const sg = dataStoreSecurityGroup(parent, name, { vpcId: args.vpcId, port: AMQPS_PORT, service: "RabbitMQ (AMQPS)", clientSecurityGroupIds: args.clientSecurityGroupIds });
  // 12+ characters, 4+ distinct, never ',' ':' or '=' (Amazon MQ user rules).
  const password = new random.RandomPassword(
    childName(name, "password"),
    { length: 32, special: true, overrideSpecial: MQ_PASSWORD_SPECIALS, minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 1 },
    { parent },
  );
  const single = args.deploymentMode === "SINGLE_INSTANCE";
  const broker = new aws.mq.Broker(
    childName(name, "broker"),
    {
      engineType: "RabbitMQ",
      engineVersion: args.engineVersion,
      hostInstanceType: args.instanceType,
      deploymentMode: args.deploymentMode,
      // One subnet for a single instance; a private cluster spreads its nodes over the AZs given.
      subnetIds: pulumi.output(args.subnetIds).apply((ids) => (single ? ids.slice(0, 1) : ids)),
      securityGroups: [sg.id],
      publiclyAccessible: false,
      authenticationStrategy: "simple",
      users: [{ username: args.username, password: password.result }],
      storageType: "ebs",
      encryptionOptions: { useAwsOwnedKey: true },
      // Audit logs do not exist for RabbitMQ; asking for them fails the create.
      logs: { general: true },
      autoMinorVersionUpgrade: true,
      applyImmediately: false,
      maintenanceWindowStartTime: { dayOfWeek: args.maintenanceDay, timeOfDay: args.maintenanceTime, timeZone: "UTC" },
      tags: tierTags("data", PHI_CLASSIFICATION),
    },
    { parent, protect: args.protect },
  );
  const endpoint = broker.instances.apply((i) => i[0]?.endpoints?.[0] ?? "");
  const secretArn = credentialSecret(parent, name, {
    description: "RabbitMQ administrative user",
    kmsKeyArn: args.secretsKeyArn,
    recoveryWindowDays: args.secretRecoveryWindowDays,
    protect: args.protect,
    rotatedBy: RABBITMQ_PASSWORD_ROTATED_BY,
    value: { username: args.username, password: password.result, endpoint, port: AMQPS_PORT },
  });
  return { brokerId: broker.id, brokerName: broker.brokerName, endpoint, securityGroupId: sg.id, secretArn };
}
