/**
 * Messaging on its own: the engine is the one choice a caller makes, and each engine takes only its
 * own settings (a discriminated union). Either way the brokers are private, TLS-only, authenticated
 * and spread over AZs.
 */
import { strict as assert } from "node:assert";
import { runComponent } from "../../offline/runStack";
import { Planned, one } from "../../test/helpers";
import { CRITICAL_ALARMS, keyByArn, mandatoryPolicies, standalone } from "../../test/standalone";
import { Messaging, MessagingArgs } from "./messaging";

const vpcId = "vpc-0123456789abcdef0";
const subnetIds = ["subnet-p1", "subnet-p2", "subnet-p3"];
const availabilityZones = ["us-west-2a", "us-west-2b", "us-west-2c"];

// The union at work: each line fails to compile, so `npm run typecheck` proves the variants apart.
// @ts-expect-error Kafka spreads its brokers by AZ, so it needs the AZ names.
export const kafkaWithoutAzs: MessagingArgs = { vpcId, subnetIds, engine: "kafka" };
// @ts-expect-error A RabbitMQ broker takes no Kafka settings.
export const rabbitWithKafka: MessagingArgs = { vpcId, subnetIds, engine: "rabbitmq", kafka: { brokerCount: 3 } };

describe("Messaging standalone: Kafka", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new Messaging("events", { vpcId, subnetIds, availabilityZones, engine: "kafka" }, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });
  const cluster = () => one(run, "aws:msk/cluster:Cluster");

  it("runs three brokers, one per AZ, with no public access and IAM as the only client authentication", () => {
    const c = cluster().inputs;
    assert.deepEqual([c.numberOfBrokerNodes, c.brokerNodeGroupInfo.clientSubnets, c.brokerNodeGroupInfo.connectivityInfo.publicAccess.type], [3, subnetIds, "DISABLED"]);
    assert.deepEqual(c.clientAuthentication, { sasl: { iam: true, scram: false }, unauthenticated: false });
  });

  it("encrypts at rest with its own rotating data key and in transit between clients, brokers and within the cluster", () => {
    const c = cluster().inputs;
    assert.deepEqual(c.encryptionInfo.encryptionInTransit, { clientBroker: "TLS", inCluster: true });
    const key = keyByArn(run, c.encryptionInfo.encryptionAtRestKmsKeyArn);
    assert.deepEqual([key.inputs.tags.DataClass, key.inputs.enableKeyRotation, key.protect], ["data", true, true]);
  });

  it("keeps acknowledged writes: three copies, two in sync, no unclean election; and is protected", () => {
    const props = one(run, "aws:msk/configuration:Configuration").inputs.serverProperties;
    for (const line of ["default.replication.factor=3", "min.insync.replicas=2", "unclean.leader.election.enable=false"]) assert.ok(props.includes(line), props);
    assert.equal(cluster().protect, true);
  });

  it("passes every mandatory policy of the prod pack but the critical alarm, which the Monitoring component adds", () => {
    assert.deepEqual(mandatoryPolicies(run), [CRITICAL_ALARMS]);
  });

  it("refuses brokers that cannot spread evenly over the AZs, before any resource", async () => {
    const bad = await runComponent(async () => {
      new Messaging("events", { vpcId, subnetIds, availabilityZones: availabilityZones.slice(0, 2), engine: "kafka", kafka: { brokerCount: 3 } });
    });
    assert.match(String(bad.error?.message), /kafka\.brokerCount: got 3; allowed: a multiple of 2, the AZs the brokers spread over/);
    assert.deepEqual(bad.resources.filter((r) => r.custom), []);
  });
});

describe("Messaging standalone: RabbitMQ", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new Messaging("jobs", { vpcId, subnetIds, engine: "rabbitmq" }, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });
  const broker = () => one(run, "aws:mq/broker:Broker");

  it("runs a private three-node cluster over every subnet given, AMQPS only, upgraded automatically and protected", () => {
    const b = broker();
    assert.deepEqual([b.inputs.deploymentMode, b.inputs.subnetIds, b.inputs.publiclyAccessible, b.inputs.autoMinorVersionUpgrade, b.protect], ["CLUSTER_MULTI_AZ", subnetIds, false, true, true]);
    assert.deepEqual(one(run, "aws:ec2/securityGroup:SecurityGroup").inputs.ingress, []);
  });

  it("keeps the generated user's password in a secret under its own rotating secrets key", () => {
    const secret = one(run, "aws:secretsmanager/secret:Secret");
    const key = keyByArn(run, secret.inputs.kmsKeyId);
    assert.deepEqual([key.inputs.tags.DataClass, key.inputs.enableKeyRotation, secret.protect], ["secrets", true, true]);
  });

  it("passes every mandatory policy of the prod pack but the critical alarm, which the Monitoring component adds", () => {
    assert.deepEqual(mandatoryPolicies(run), [CRITICAL_ALARMS]);
  });
});
