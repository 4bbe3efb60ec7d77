/**
 * Careless changes to the data config of the prod stack (PostgreSQL, the cache, and messaging,
 * which prod leaves off: the MSK and Amazon MQ rows turn it on), and to the secrets the application
 * owns. Encryption, TLS, authentication and privacy are hard-wired in components/data; Multi-AZ,
 * backups and deletion protection are knobs the prod rules refuse to turn down. So nearly every row
 * is the config error that stops the change, and then makes the same change in code on the prod
 * program (except the messaging rows: prod registers no broker to patch); the master password's
 * rotation interval is a knob the rotation policy catches.
 */
import * as pulumi from "@pulumi/pulumi";
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the data component, not config; the policy guards hand-written code and other programs using the pack";
const kafka = (extra: Record<string, unknown>) => ({ "platform:messaging": { engine: "kafka", kafka: extra } });
const rabbitmq = (extra: Record<string, unknown>) => ({ "platform:messaging": { engine: "rabbitmq", rabbitmq: extra } });
/** Prod runs no broker, so no code change to the prod program can reach a messaging policy. */
const NO_BROKER = (type: string, example: string) =>
  `prod runs without a broker (platform:messaging engine none), so the program registers no ${type} to patch; the policy's failing cases are in its spec, and ${example} plans the program's broker through it with no violation`;
const NO_MSK = NO_BROKER("aws:msk/cluster:Cluster", "test/examples/billion.spec.ts");
const NO_MQ = NO_BROKER("aws:mq/broker:Broker", "test/examples/elearning.spec.ts");
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
    notInCode: NO_MSK,
  },
  {
    policy: "msk-disallow-unauthenticated-access",
    change: "turn on MSK with unauthenticated clients",
    set: kafka({ unauthenticated: true }),
    configError: noSuchKey("platform:messaging.kafka.unauthenticated"),
    because: NOT_A_KNOB,
    notInCode: NO_MSK,
  },
  {
    policy: "msk-require-encryption-at-rest",
    change: "turn on MSK on the AWS-managed key",
    set: kafka({ kmsKeyArn: "alias/aws/kafka" }),
    configError: noSuchKey("platform:messaging.kafka.kmsKeyArn"),
    because: NOT_A_KNOB,
    notInCode: NO_MSK,
  },
  {
    policy: "msk-require-brokers-across-azs",
    change: "turn on MSK with two brokers",
    set: kafka({ brokerCount: 2 }),
    configError: /platform:messaging\.kafka\.brokerCount: got 2; allowed: a multiple of 3/,
    because: "brokers always spread over up to 3 AZs and their count must be a multiple of them; the policy guards clusters other code or programs declare",
    notInCode: NO_MSK,
  },
  {
    policy: "msk-enable-enhanced-monitoring",
    change: "turn on MSK with DEFAULT (cluster-level) metrics to save CloudWatch cost",
    set: kafka({ enhancedMonitoring: "DEFAULT" }),
    configError: /platform:messaging\.kafka\.enhancedMonitoring: got "DEFAULT"; allowed: .*PER_BROKER/,
    because: "the schema offers PER_BROKER or finer only; the policy guards clusters other code or programs declare",
    inCode: {
      stackFile: "examples/Pulumi.billion.yaml",
      type: "aws:msk/cluster:Cluster",
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
    notInCode: NO_MQ,
  },
  {
    policy: "mq-disallow-public-access",
    change: "turn on RabbitMQ with a public endpoint",
    set: rabbitmq({ publiclyAccessible: true }),
    configError: noSuchKey("platform:messaging.rabbitmq.publiclyAccessible"),
    because: NOT_A_KNOB,
    notInCode: NO_MQ,
  },
  {
    policy: "mq-require-customer-managed-key",
    change: "switch messaging to ActiveMQ on the AWS-owned key",
    set: { "platform:messaging": { engine: "activemq" } },
    configError: /platform:messaging\.engine: got "activemq"; allowed: one of "kafka", "rabbitmq", "none"/,
    because: "the platform offers only RabbitMQ on Amazon MQ, which is exempt (AWS-owned key only); the policy guards ActiveMQ brokers other code or programs declare",
    notInCode: "prod runs without a broker (platform:messaging engine none), and the program builds only RabbitMQ brokers, which the policy exempts; its spec holds the ActiveMQ cases, and test/examples/elearning.spec.ts plans a RabbitMQ broker through the exemption with no violation",
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
