/**
 * Fixtures for the data-tier policy specs: one compliant resource per type, as the program records
 * it, and a runner that applies one policy the way the CrossGuard-faithful harness does. A failing
 * case copies a fixture and changes one property.
 */
import type { Policy } from "@pulumi/policy";
import { runPolicies } from "../../offline/policyRunner";
import type { RecordedResource } from "../../offline/recorder";

type Props = Record<string, any>;

export function resource(type: string, name: string, props: Props): RecordedResource {
  return {
    urn: `urn:pulumi:test::platform::${type}::${name}`,
    type, name, id: props.id, custom: true, inputs: props, outputs: props,
    dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false,
  };
}

/** Deep copy with one property (dot path) replaced, or removed when value is undefined. */
export function changed(r: RecordedResource, path: string, value: unknown): RecordedResource {
  const props = structuredClone(r.inputs);
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce((o, k) => (o[k] ??= {}), props);
  if (value === undefined) delete parent[keys[keys.length - 1]];
  else parent[keys[keys.length - 1]] = value;
  return resource(r.type, r.name, props);
}

/** The messages one policy reports over these resources, enforced as mandatory. */
export async function violations(policy: Policy, resources: RecordedResource[], config: Record<string, unknown> = {}): Promise<string[]> {
  const found = await runPolicies([policy], resources, { all: "mandatory", [policy.name]: { enforcementLevel: "mandatory", ...config } });
  return found.map((v) => v.message);
}

const DATA_KEY = "arn:aws:kms:us-west-2:123456789012:key/11111111-2222-4333-a444-555555555555";

export const rdsPrimary = resource("aws:rds/instance:Instance", "db-primary", {
  id: "app-database", identifier: "app-database", engine: "postgres", engineVersion: "17", instanceClass: "db.r6g.large",
  storageEncrypted: true, kmsKeyId: DATA_KEY, multiAz: true, publiclyAccessible: false, backupRetentionPeriod: 7,
  deletionProtection: true, iamDatabaseAuthenticationEnabled: true, autoMinorVersionUpgrade: true,
  parameterGroupName: "app-database-params-1234567", vpcSecurityGroupIds: ["sg-0000000000000000d"],
});

export const rdsReplica = resource("aws:rds/instance:Instance", "db-replica", {
  id: "app-database-replica-1", identifier: "app-database-replica-1", replicateSourceDb: "arn:aws:rds:us-west-2:123456789012:db:app-database",
  instanceClass: "db.r6g.large", storageEncrypted: true, multiAz: false, publiclyAccessible: false, deletionProtection: true,
  iamDatabaseAuthenticationEnabled: true, autoMinorVersionUpgrade: true, parameterGroupName: "app-database-params-1234567",
  vpcSecurityGroupIds: ["sg-0000000000000000d"],
});

export const rdsParams = resource("aws:rds/parameterGroup:ParameterGroup", "db-params", {
  id: "app-database-params-1234567", name: "app-database-params-1234567", family: "postgres17",
  parameters: [{ name: "rds.force_ssl", value: "1" }, { name: "log_min_duration_statement", value: "1000" }],
});

export const cacheGroup = resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache", {
  id: "app-cache-group-1234567", engine: "valkey", atRestEncryptionEnabled: true, kmsKeyId: DATA_KEY, transitEncryptionEnabled: true,
  transitEncryptionMode: "required", authToken: "A".repeat(64), automaticFailoverEnabled: true, multiAzEnabled: true,
  snapshotRetentionLimit: 7, securityGroupIds: ["sg-0000000000000000c"],
});

export const mskCluster = resource("aws:msk/cluster:Cluster", "kafka", {
  id: "arn:aws:kafka:us-west-2:123456789012:cluster/app/uuid-2",
  brokerNodeGroupInfo: {
    instanceType: "kafka.m5.large", clientSubnets: ["subnet-a", "subnet-b", "subnet-c"], securityGroups: ["sg-0000000000000000b"],
    connectivityInfo: { publicAccess: { type: "DISABLED" } },
  },
  encryptionInfo: { encryptionAtRestKmsKeyArn: DATA_KEY, encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
  clientAuthentication: { sasl: { iam: true, scram: false }, unauthenticated: false },
  enhancedMonitoring: "PER_BROKER",
});

export const rabbitBroker = resource("aws:mq/broker:Broker", "rabbit", {
  id: "b-11111111-2222-4333-a444-555555555555", engineType: "RabbitMQ", deploymentMode: "CLUSTER_MULTI_AZ", publiclyAccessible: false,
  encryptionOptions: { useAwsOwnedKey: true }, autoMinorVersionUpgrade: true, securityGroups: ["sg-0000000000000000a"],
});

export const activeMqBroker = resource("aws:mq/broker:Broker", "activemq", {
  id: "b-99999999-2222-4333-a444-555555555555", engineType: "ActiveMQ", deploymentMode: "ACTIVE_STANDBY_MULTI_AZ", publiclyAccessible: false,
  encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: DATA_KEY }, autoMinorVersionUpgrade: true, securityGroups: ["sg-0000000000000000e"],
});
