/**
 * Careless changes to the data config of the prod stack (PostgreSQL, the cache, and messaging,
 * which prod leaves off: the MSK and Amazon MQ rows turn it on), and to the secrets the application
 * owns. Encryption, TLS, authentication and privacy are hard-wired in components/data; Multi-AZ,
 * backups and deletion protection are knobs the prod rules refuse to turn down. So nearly every row
 * is the config error that stops the change, and then makes the same change in code on the prod
 * program (the messaging rows on the example systems that run a broker: prod registers none); the master password's
 * rotation interval is a knob the rotation policy catches.
 */
import * as pulumi from "@pulumi/pulumi";
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the data component, not config; the policy guards hand-written code and other programs using the pack";
const kafka = (extra: Record<string, unknown>) => ({ "platform:messaging": { engine: "kafka", kafka: extra } });
const rabbitmq = (extra: Record<string, unknown>) => ({ "platform:messaging": { engine: "rabbitmq", rabbitmq: extra } });
/** Prod runs no broker, so the messaging rows make their change in code on the example systems that do. */
const BILLION = "examples/Pulumi.billion.yaml";
const ELEARNING = "examples/Pulumi.elearning.yaml";
const MSK = "aws:msk/cluster:Cluster";
const MQ = "aws:mq/broker:Broker";
const PROD_RULE = "the data rules refuse it in prod; the policy guards stores other code or programs declare";

/** A PHI store left unencrypted also breaks the PHI rule: a customer-managed key on every patient-data store. */
const PHI = "phi-require-data-classification";

export const DATA_MUTATIONS: Mutation[] = [
  {
    policy: "rds-require-storage-encryption",
    change: "create the database unencrypted",
    set: { "platform:database.storageEncrypted": false },
    configError: noSuchKey("platform:database.storageEncrypted"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:rds/instance:Instance", name: /-database-primary$/, patch: (p) => ({ ...p, storageEncrypted: false }), message: /storage is not encrypted; set storageEncrypted: true with a customer-managed kmsKeyId\.$/, alsoFires: [PHI] },
  },
  {
    policy: "rds-require-multi-az",
    change: "run the primary in one AZ to halve the bill",
    set: { "platform:database.multiAz": false },
    configError: /platform:database\.multiAz: got false; allowed: true when profile is prod/,
    because: PROD_RULE,
    inCode: { type: "aws:rds/instance:Instance", name: /-database-primary$/, patch: (p) => ({ ...p, multiAz: false }), message: /runs in a single AZ.*set multiAz: true\.$/ },
  },
  {
    policy: "rds-disallow-public-access",
    change: "make the database publicly accessible for a reporting tool",
    set: { "platform:database.publiclyAccessible": true },
    configError: noSuchKey("platform:database.publiclyAccessible"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:rds/instance:Instance", name: /-database-primary$/, patch: (p) => ({ ...p, publiclyAccessible: true }), message: /is publicly accessible; set publiclyAccessible: false so it is reachable only inside the VPC\.$/, alsoFires: ["ec2-disallow-public-data-stores"] },
  },
  {
    policy: "rds-configure-backup-retention",
    change: "keep one day of backups",
    set: { "platform:database.backupRetentionDays": 1 },
    configError: /platform:database\.backupRetentionDays: got 1; allowed: at least 7 when profile is prod/,
    because: PROD_RULE,
    inCode: { type: "aws:rds/instance:Instance", name: /-database-primary$/, patch: (p) => ({ ...p, backupRetentionPeriod: 1 }), message: /keeps 1 days of automated backups; set backupRetentionPeriod to at least 7\.$/ },
  },
  {
    policy: "rds-enable-deletion-protection",
    change: "turn off deletion protection to rebuild the database",
    set: { "platform:database.deletionProtection": false },
    configError: /platform:database\.deletionProtection: got false; allowed: true when profile is prod/,
    because: PROD_RULE,
    inCode: { type: "aws:rds/instance:Instance", patch: (p) => ({ ...p, deletionProtection: false }), message: /can be deleted by a single API call; set deletionProtection: true\.$/ },
  },
  {
    policy: "rds-enable-iam-authentication",
    change: "turn off IAM database authentication",
    set: { "platform:database.iamAuthentication": false },
    configError: noSuchKey("platform:database.iamAuthentication"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:rds/instance:Instance", patch: (p) => ({ ...p, iamDatabaseAuthenticationEnabled: false }), message: /does not accept IAM authentication; set iamDatabaseAuthenticationEnabled: true\.$/ },
  },
  {
    policy: "rds-require-tls",
    change: "allow plain-text connections for a legacy client",
    set: { "platform:database.forceSsl": false },
    configError: noSuchKey("platform:database.forceSsl"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:rds/parameterGroup:ParameterGroup",
      name: /-database-params$/,
      patch: (p) => ({ ...p, parameters: pulumi.output(p.parameters).apply((ps: { name: string; value: string }[]) => ps.map((x) => (x.name === "rds.force_ssl" ? { ...x, value: "0" } : x))) }),
      message: /which does not set rds\.force_ssl = 1; clients could connect without TLS\.$/,
    },
  },
  {
    policy: "rds-enable-auto-minor-version-upgrade",
    change: "turn off automatic minor version upgrades",
    set: { "platform:database.autoMinorVersionUpgrade": false },
    configError: noSuchKey("platform:database.autoMinorVersionUpgrade"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:rds/instance:Instance", patch: (p) => ({ ...p, autoMinorVersionUpgrade: false }), message: /automatic minor version upgrades off.*set autoMinorVersionUpgrade: true\.$/ },
  },
  {
    policy: "elasticache-require-encryption-at-rest",
    change: "turn off the cache's at-rest encryption",
    set: { "platform:cache.atRestEncryption": false },
    configError: noSuchKey("platform:cache.atRestEncryption"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:elasticache/replicationGroup:ReplicationGroup", patch: (p) => ({ ...p, atRestEncryptionEnabled: false }), message: /not encrypted at rest; set atRestEncryptionEnabled: true with a customer-managed kmsKeyId\.$/, alsoFires: [PHI] },
  },
  {
    policy: "elasticache-require-encryption-in-transit",
    change: "let clients connect to the cache without TLS",
    set: { "platform:cache.transitEncryptionMode": "preferred" },
    configError: noSuchKey("platform:cache.transitEncryptionMode"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:elasticache/replicationGroup:ReplicationGroup", patch: (p) => ({ ...p, transitEncryptionMode: "preferred" }), message: /still accepts plaintext clients.*set transitEncryptionMode: "required"\.$/ },
  },
  {
    policy: "elasticache-require-auth",
    change: "drop the cache's AUTH token",
    set: { "platform:cache.authToken": false },
    configError: noSuchKey("platform:cache.authToken"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:elasticache/replicationGroup:ReplicationGroup", patch: (p) => ({ ...p, authToken: undefined }), message: /lets any client in the network run commands; set an authToken or userGroupIds\.$/ },
  },
  {
    policy: "elasticache-enable-automatic-failover",
    change: "turn off automatic failover",
    set: { "platform:cache.automaticFailover": false },
    configError: /platform:cache\.automaticFailover: got false; allowed: true when profile is prod/,
    because: PROD_RULE,
    inCode: { type: "aws:elasticache/replicationGroup:ReplicationGroup", patch: (p) => ({ ...p, automaticFailoverEnabled: false }), message: /does not fail over when its primary fails; set automaticFailoverEnabled: true with a replica per shard\.$/ },
  },
  {
    policy: "elasticache-configure-snapshot-retention",
    change: "keep one day of cache snapshots",
    set: { "platform:cache.snapshotRetentionDays": 1 },
    configError: /platform:cache\.snapshotRetentionDays: got 1; allowed: at least 7 when profile is prod/,
    because: PROD_RULE,
    inCode: { type: "aws:elasticache/replicationGroup:ReplicationGroup", patch: (p) => ({ ...p, snapshotRetentionLimit: 1 }), message: /keeps 1 days of snapshots; set snapshotRetentionLimit to at least 7\.$/ },
  },
  {
    policy: "elasticache-enable-auto-minor-version-upgrade",
    change: "stop the cache taking minor engine upgrades, to avoid maintenance-window restarts",
    set: { "platform:cache.autoMinorVersionUpgrade": false },
    configError: noSuchKey("platform:cache.autoMinorVersionUpgrade"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:elasticache/replicationGroup:ReplicationGroup", patch: (p) => ({ ...p, autoMinorVersionUpgrade: false }), message: /automatic minor version upgrades off.*set autoMinorVersionUpgrade to true\.$/ },
  },
  {
    policy: "msk-require-tls",
    change: "turn on MSK with plaintext client traffic",
    set: kafka({ clientBroker: "PLAINTEXT" }),
    configError: noSuchKey("platform:messaging.kafka.clientBroker"),
    because: NOT_A_KNOB,
    inCode: {
      stackFile: BILLION,
      type: MSK,
      patch: (p) => ({ ...p, encryptionInfo: pulumi.output(p.encryptionInfo).apply((e) => ({ ...e, encryptionInTransit: { ...e.encryptionInTransit, clientBroker: "PLAINTEXT" } })) }),
      message: /^MSK cluster accepts PLAINTEXT client connections; set encryptionInTransit\.clientBroker: "TLS"\.$/,
    },
  },
  {
    policy: "msk-disallow-unauthenticated-access",
    change: "turn on MSK with unauthenticated clients",
    set: kafka({ unauthenticated: true }),
    configError: noSuchKey("platform:messaging.kafka.unauthenticated"),
    because: NOT_A_KNOB,
    inCode: {
      stackFile: BILLION,
      type: MSK,
      patch: (p) => ({ ...p, clientAuthentication: pulumi.output(p.clientAuthentication).apply((a) => ({ ...a, unauthenticated: true })) }),
      message: /^MSK cluster allows unauthenticated clients; set clientAuthentication\.unauthenticated: false\.$/,
    },
  },
  {
    policy: "msk-require-encryption-at-rest",
    change: "turn on MSK on the AWS-managed key",
    set: kafka({ kmsKeyArn: "alias/aws/kafka" }),
    configError: noSuchKey("platform:messaging.kafka.kmsKeyArn"),
    because: NOT_A_KNOB,
    inCode: {
      stackFile: BILLION,
      type: MSK,
      // Omitting the key ARN is how code lands on the AWS-managed key.
      patch: (p) => ({ ...p, encryptionInfo: pulumi.output(p.encryptionInfo).apply(({ encryptionAtRestKmsKeyArn: _key, ...e }) => e) }),
      message: /^MSK cluster storage is encrypted with the AWS-managed key; set encryptionInfo\.encryptionAtRestKmsKeyArn to a customer-managed KMS key\.$/,
      alsoFires: [PHI],
    },
  },
  {
    policy: "msk-require-brokers-across-azs",
    change: "turn on MSK with two brokers",
    set: kafka({ brokerCount: 2 }),
    configError: /platform:messaging\.kafka\.brokerCount: got 2; allowed: a multiple of 3/,
    because: "brokers always spread over up to 3 AZs and their count must be a multiple of them; the policy guards clusters other code or programs declare",
    inCode: {
      stackFile: BILLION,
      type: MSK,
      // MSK needs the broker count to be a multiple of the client subnets, so two brokers means two subnets (AZs).
      patch: (p) => ({
        ...p,
        numberOfBrokerNodes: 2,
        brokerNodeGroupInfo: pulumi.output(p.brokerNodeGroupInfo).apply((b) => ({ ...b, clientSubnets: b.clientSubnets.slice(0, 2) })),
      }),
      message: /^MSK brokers span 2 AZs; spread them over at least 3 AZs\.$/,
    },
  },
  {
    policy: "msk-enable-enhanced-monitoring",
    change: "turn on MSK with DEFAULT (cluster-level) metrics to save CloudWatch cost",
    set: kafka({ enhancedMonitoring: "DEFAULT" }),
    configError: /platform:messaging\.kafka\.enhancedMonitoring: got "DEFAULT"; allowed: .*PER_BROKER/,
    because: "the schema offers PER_BROKER or finer only; the policy guards clusters other code or programs declare",
    inCode: {
      stackFile: BILLION,
      type: MSK,
      patch: (p) => ({ ...p, enhancedMonitoring: "DEFAULT" }),
      message: /^MSK cluster publishes only DEFAULT cluster-level metrics; set enhancedMonitoring to PER_BROKER or finer\.$/,
    },
  },
  {
    policy: "mq-require-multi-az-deployment",
    change: "turn on RabbitMQ as a single instance",
    set: rabbitmq({ deploymentMode: "SINGLE_INSTANCE" }),
    configError: /platform:messaging\.rabbitmq\.deploymentMode: got "SINGLE_INSTANCE"; allowed: "CLUSTER_MULTI_AZ" when profile is prod/,
    because: PROD_RULE,
    inCode: {
      stackFile: ELEARNING,
      type: MQ,
      // A single instance lives in one subnet.
      patch: (p) => ({ ...p, deploymentMode: "SINGLE_INSTANCE", subnetIds: pulumi.output(p.subnetIds).apply((s) => s.slice(0, 1)) }),
      message: /^RabbitMQ broker runs as SINGLE_INSTANCE, so an AZ failure stops messaging; set deploymentMode: "CLUSTER_MULTI_AZ"\.$/,
    },
  },
  {
    policy: "mq-disallow-public-access",
    change: "turn on RabbitMQ with a public endpoint",
    set: rabbitmq({ publiclyAccessible: true }),
    configError: noSuchKey("platform:messaging.rabbitmq.publiclyAccessible"),
    because: NOT_A_KNOB,
    inCode: {
      stackFile: ELEARNING,
      type: MQ,
      patch: (p) => ({ ...p, publiclyAccessible: true }),
      message: /^Broker has a public endpoint, reachable from the internet; set publiclyAccessible: false\.$/,
      // The network policy guards the same endpoint: a public broker is a data store reachable from the internet.
      alsoFires: ["ec2-disallow-public-data-stores"],
    },
  },
  {
    policy: "mq-require-customer-managed-key",
    change: "switch messaging to ActiveMQ on the AWS-owned key",
    set: { "platform:messaging": { engine: "activemq" } },
    configError: /platform:messaging\.engine: got "activemq"; allowed: one of "kafka", "rabbitmq", "none"/,
    because: "the platform offers only RabbitMQ on Amazon MQ, which is exempt (AWS-owned key only); the policy guards ActiveMQ brokers other code or programs declare",
    inCode: {
      stackFile: ELEARNING,
      type: MQ,
      // The RabbitMQ broker is exempt, so code reaches the policy only by making the change the row
      // names: the engine switched to ActiveMQ (with ActiveMQ's version and Multi-AZ mode, an
      // active/standby pair in two subnets) and the encryptionOptions left on the AWS-owned key.
      patch: (p) => ({
        ...p,
        engineType: "ActiveMQ",
        engineVersion: "5.18",
        deploymentMode: "ACTIVE_STANDBY_MULTI_AZ",
        subnetIds: pulumi.output(p.subnetIds).apply((s) => s.slice(0, 2)),
      }),
      message: /^ActiveMQ broker is encrypted with an AWS-owned key; set encryptionOptions\.useAwsOwnedKey: false and kmsKeyId to a customer-managed KMS key\.$/,
      // The broker is tagged PHI, and an ActiveMQ PHI store without a customer-managed key breaks the PHI rule too.
      alsoFires: [PHI],
    },
  },
  {
    policy: "secretsmanager-enable-rotation",
    change: "rotate the database master password once a year",
    set: { "platform:database.credentialRotationDays": 365 },
    message: /Secret rotation medsearch-database-secret-rotation rotates every 365 days; set rotationRules\.automaticallyAfterDays to at most 90\./,
  },
  {
    policy: "secretsmanager-enable-rotation",
    change: "add an application secret whose rotatedBy says nobody",
    set: { "platform:appSecrets.secrets": [{ name: "ml-api-keys", description: "ML provider API keys", rotatedBy: "" }] },
    configError: /platform:appSecrets\.secrets\[0\]\.rotatedBy: got ""; allowed: who rotates it and how: not blank/,
    because: "no config leaves a secret unrotated: the data tier's secrets carry a hard-wired RotatedBy and an application secret's defaults to its issuer; the policy guards secrets other code or programs declare",
    inCode: {
      type: "aws:secretsmanager/secret:Secret",
      name: /-cache-secret$/,
      patch: (p) => ({ ...p, tags: pulumi.output(p.tags).apply((t) => ({ ...t, RotatedBy: "" })) }),
      message: /has an empty RotatedBy tag and no rotation; name who rotates it outside Secrets Manager and how in that tag, or add an aws\.secretsmanager\.SecretRotation whose secretId is this secret\.$/,
    },
  },
  {
    policy: "ec2-disallow-public-data-stores",
    change: "admit the office network to PostgreSQL",
    set: { "platform:database.allowedCidrs": ["0.0.0.0/0"] },
    configError: noSuchKey("platform:database.allowedCidrs"),
    because: "data stores admit only the client security groups the program passes; the policy guards hand-written rules and other programs",
    inCode: {
      type: "aws:ec2/securityGroup:SecurityGroup",
      name: /-database-sg$/,
      patch: (p) => ({ ...p, ingress: pulumi.output(p.ingress).apply((rules) => [...rules, { description: "office network", protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["198.51.100.0/24"] }]) }),
      message: /admits port 5432 from 198\.51\.100\.0\/24, outside the VPC; admit only security groups or VPC CIDRs\.$/,
    },
  },
];
