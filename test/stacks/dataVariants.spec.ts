/**
 * The data tier expresses the sister systems by configuration alone: the billion-record API (MSK and
 * Redis in cluster mode) and the e-learning platform (RabbitMQ), planned with the prod pack config.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { isValidMqPassword } from "../../components/data/messagingEngine";
import { Planned, ofType, one, planConfig, planStackFile } from "../helpers";

/** The example stack files users copy; planned once per process and shared with test/examples. */
const plan = (file: string, stack: string) => planStackFile(join("examples", file), stack);
const secretText = (v: any): any => {
  assert.equal(v?.[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig, "value is not marked secret");
  return v.value;
};

describe("data tier variant: the billion-record API (MSK, Redis cluster mode, two replicas)", () => {
  let p: Planned;
  before(async () => {
    p = await plan("Pulumi.billion.yaml", "billion");
    assert.equal(p.error, undefined, p.error?.message);
  });

  it("passes the policy pack with no violation at all", () => {
    assert.deepEqual(p.violations, []);
  });

  it("runs db.r5.2xlarge Multi-AZ with 35 days of backups and two replicas in the other two AZs", () => {
    const primary = one(p, "aws:rds/instance:Instance", "billion-database-primary").inputs;
    assert.deepEqual([primary.instanceClass, primary.multiAz, primary.backupRetentionPeriod, primary.allocatedStorage, primary.performanceInsightsRetentionPeriod],
      ["db.r5.2xlarge", true, 35, 1000, 93]);
    const replicas = ofType(p, "aws:rds/instance:Instance").filter((r) => r.inputs.replicateSourceDb);
    assert.deepEqual(replicas.map((r) => r.inputs.availabilityZone), ["us-east-1b", "us-east-1c"]);
    assert.deepEqual(p.outputs.data.database.instanceIdentifiers, ["billion-database", "billion-database-replica-1", "billion-database-replica-2"]);
  });

  it("runs Redis OSS 7.1 in cluster mode: 3 shards of cache.r6g.xlarge, each with a replica, so every shard fails over", () => {
    const rg = one(p, "aws:elasticache/replicationGroup:ReplicationGroup");
    const i = rg.inputs;
    assert.deepEqual([i.engine, i.engineVersion, i.nodeType, i.clusterMode, i.numNodeGroups, i.replicasPerNodeGroup, i.automaticFailoverEnabled, i.multiAzEnabled],
      ["redis", "7.1", "cache.r6g.xlarge", "enabled", 3, 1, true, true]);
    assert.equal(i.numCacheClusters, undefined);
    assert.equal(rg.outputs.memberClusters.length, 6);
    const params = one(p, "aws:elasticache/parameterGroup:ParameterGroup").inputs;
    assert.deepEqual([params.family, params.parameters[0]], ["redis7", { name: "cluster-enabled", value: "yes" }]);
    assert.equal(p.outputs.data.cache.endpoint, rg.outputs.configurationEndpointAddress);
    assert.equal(p.outputs.data.cache.readerEndpoint, undefined);
  });

  it("runs 3 kafka.m5.large brokers over 3 AZs with 1 TB each, TLS only, IAM authentication only, encrypted with the data key", () => {
    const c = one(p, "aws:msk/cluster:Cluster");
    const i = c.inputs;
    assert.deepEqual([i.kafkaVersion, i.numberOfBrokerNodes, i.brokerNodeGroupInfo.instanceType, i.brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize],
      ["3.9.x", 3, "kafka.m5.large", 1000]);
    assert.deepEqual(i.brokerNodeGroupInfo.clientSubnets, p.outputs.privateSubnetIds);
    assert.deepEqual(i.brokerNodeGroupInfo.connectivityInfo, { publicAccess: { type: "DISABLED" } });
    assert.deepEqual(i.encryptionInfo, {
      encryptionAtRestKmsKeyArn: one(p, "aws:kms/key:Key", "billion-keys-data").outputs.arn,
      encryptionInTransit: { clientBroker: "TLS", inCluster: true },
    });
    assert.deepEqual(i.clientAuthentication, { sasl: { iam: true, scram: false }, unauthenticated: false });
    assert.equal(c.protect, true);
  });

  it("tags the MSK cluster DataClassification=PHI: messages may carry patient records, and its at-rest key is the rotating data key", () => {
    const c = one(p, "aws:msk/cluster:Cluster");
    assert.equal(c.inputs.tags.DataClassification, "PHI");
    assert.equal(one(p, "aws:kms/key:Key", "billion-keys-data").inputs.enableKeyRotation, true);
  });

  it("grows broker storage automatically up to 4 TB, sends broker logs to an encrypted group and keeps 3 copies of every write", () => {
    const cluster = one(p, "aws:msk/cluster:Cluster");
    const target = one(p, "aws:appautoscaling/target:Target", "billion-messaging-storage").inputs;
    const policy = one(p, "aws:appautoscaling/policy:Policy", "billion-messaging-storage").inputs;
    assert.deepEqual([target.serviceNamespace, target.scalableDimension, target.resourceId, target.maxCapacity],
      ["kafka", "kafka:broker-storage:VolumeSize", cluster.outputs.arn, 4000]);
    assert.deepEqual([policy.policyType, policy.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType, policy.targetTrackingScalingPolicyConfiguration.targetValue],
      ["TargetTrackingScaling", "KafkaBrokerStorageUtilization", 60]);
    const logs = cluster.inputs.loggingInfo.brokerLogs.cloudwatchLogs;
    const group = ofType(p, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.outputs.name === logs.logGroup)!;
    assert.deepEqual([logs.enabled, group.inputs.kmsKeyId], [true, one(p, "aws:kms/key:Key", "billion-keys-logs").outputs.arn]);
    const config = one(p, "aws:msk/configuration:Configuration");
    assert.match(config.inputs.serverProperties, /default.replication.factor=3\nmin.insync.replicas=2/);
    assert.deepEqual(cluster.inputs.configurationInfo, { arn: config.outputs.arn, revision: 1 });
  });

  it("admits Kafka clients only on the IAM port, has no messaging secret (IAM auth), and hands out the cluster ARN and name", () => {
    const sg = ofType(p, "aws:ec2/securityGroup:SecurityGroup").find((g) => g.name === "billion-messaging-sg")!;
    assert.match(sg.inputs.description, /on 9098/);
    const data = p.outputs.data;
    assert.deepEqual([data.messaging.engine, data.messaging.port, data.secretArns.messaging], ["kafka", 9098, undefined]);
    assert.deepEqual(data.messaging.kafka, { clusterArn: one(p, "aws:msk/cluster:Cluster").outputs.arn, clusterName: one(p, "aws:msk/cluster:Cluster").outputs.clusterName });
    assert.match(data.messaging.endpoint, /:9098,.*:9098,.*:9098$/);
  });
});

describe("data tier variant: the e-learning platform (RabbitMQ on Amazon MQ)", () => {
  let p: Planned;
  before(async () => {
    p = await plan("Pulumi.elearning.yaml", "elearning");
    assert.equal(p.error, undefined, p.error?.message);
  });

  it("passes the policy pack with no violation at all", () => {
    assert.deepEqual(p.violations, []);
  });

  it("runs RabbitMQ 4.2 as a three-node cluster over the private subnets, not public, AMQPS only", () => {
    const b = one(p, "aws:mq/broker:Broker");
    const i = b.inputs;
    assert.deepEqual([i.engineType, i.engineVersion, i.hostInstanceType, i.deploymentMode, i.publiclyAccessible, i.storageType],
      ["RabbitMQ", "4.2", "mq.m7g.large", "CLUSTER_MULTI_AZ", false, "ebs"]);
    assert.deepEqual(i.subnetIds, p.outputs.privateSubnetIds);
    const sg = ofType(p, "aws:ec2/securityGroup:SecurityGroup").find((g) => g.outputs.id === i.securityGroups[0])!;
    assert.match(sg.inputs.description, /on 5671/);
    assert.equal(b.protect, true);
  });

  it("logs, upgrades minor versions, and encrypts with the AWS-owned key RabbitMQ is limited to", () => {
    const i = one(p, "aws:mq/broker:Broker").inputs;
    assert.deepEqual([i.logs, i.autoMinorVersionUpgrade, i.encryptionOptions, i.maintenanceWindowStartTime.timeZone],
      [{ general: true }, true, { useAwsOwnedKey: true }, "UTC"]);
  });

  it("tags the broker DataClassification=PHI, which the PHI policy accepts on the AWS-owned key only because RabbitMQ offers no other", () => {
    assert.equal(one(p, "aws:mq/broker:Broker").inputs.tags.DataClassification, "PHI");
    assert.deepEqual(p.violations.filter((v) => v.policy === "phi-require-data-classification"), []);
  });

  it("generates the broker password and keeps it in Secrets Manager under the secrets key, handed out as the messaging secret", () => {
    const broker = one(p, "aws:mq/broker:Broker");
    // The provider marks the whole users list secret, password and all.
    const password: string = secretText(broker.inputs.users)[0].password;
    assert.ok(isValidMqPassword(password));
    const secret = one(p, "aws:secretsmanager/secret:Secret", "codelearn-messaging-secret");
    const version = ofType(p, "aws:secretsmanager/secretVersion:SecretVersion").find((v) => v.inputs.secretId === secret.outputs.id)!;
    const value = JSON.parse(secretText(version.inputs.secretString));
    assert.deepEqual([value.username, value.password, value.port, secret.inputs.kmsKeyId], ["platform_admin", password, 5671, one(p, "aws:kms/key:Key", "codelearn-keys-secrets").outputs.arn]);
    assert.match(value.endpoint, /^amqps:\/\/b-.*:5671$/);
    const data = p.outputs.data;
    assert.deepEqual([data.secretArns.messaging, data.messaging.engine, data.messaging.port], [secret.outputs.arn, "rabbitmq", 5671]);
    assert.deepEqual(data.messaging.rabbitmq, { brokerId: broker.outputs.id, brokerName: broker.outputs.brokerName });
  });

  it("tags the broker secret with who rotates the password and how: an operator through the RabbitMQ management API, since a users change replaces the broker", () => {
    assert.equal(one(p, "aws:secretsmanager/secret:Secret", "codelearn-messaging-secret").inputs.tags.RotatedBy,
      "operator on demand: set a new admin password with the RabbitMQ management API then put-secret-value - pulumi cannot since a user change replaces the broker - components/data/README.md");
    assert.deepEqual(p.violations.filter((v) => v.policy === "secretsmanager-enable-rotation"), []);
  });

  it("runs its cache in cluster mode with failover and a read replica of its database", () => {
    const rg = one(p, "aws:elasticache/replicationGroup:ReplicationGroup").inputs;
    assert.deepEqual([rg.clusterMode, rg.numNodeGroups, rg.replicasPerNodeGroup, rg.automaticFailoverEnabled], ["enabled", 2, 1, true]);
    assert.equal(ofType(p, "aws:rds/instance:Instance").filter((r) => r.inputs.replicateSourceDb).length, 1);
  });
});

describe("data tier: a stack without stores", () => {
  it("builds no data component when the stores are turned off explicitly", async () => {
    const p = await planConfig("bare", {
      "aws:region": "us-west-2", "platform:profile": "dev", "platform:name": "bare",
      "platform:tags": JSON.stringify({ owner: "t", costCenter: "c" }),
      "platform:database": JSON.stringify({ enabled: false }), "platform:cache": JSON.stringify({ enabled: false }),
      "platform:messaging": JSON.stringify({ engine: "none" }),
    });
    assert.equal(p.error, undefined, p.error?.message);
    assert.deepEqual(p.resources.filter((r) => r.type.startsWith("platform:data:")), []);
    assert.deepEqual(p.outputs.data, { secretArns: {} });
  });
});
