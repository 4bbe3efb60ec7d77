/**
 * Careless changes to the data config of the prod stack (PostgreSQL, the cache, and messaging,
 * which prod leaves off: the MSK and Amazon MQ rows turn it on), and to the secrets the application
 * owns. Encryption, TLS, authentication and privacy are hard-wired in components/data; Multi-AZ,
 * backups and deletion protection are knobs the prod rules refuse to turn down. So nearly every row
 * is the config error that stops the change; the master password's rotation interval is a knob the
 * rotation policy catches.
 */
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the data component, not config; the policy guards hand-written code and other programs using the pack";
const kafka = (extra: Record<string, unknown>) => ({ "platform:messaging": { engine: "kafka", kafka: extra } });
const rabbitmq = (extra: Record<string, unknown>) => ({ "platform:messaging": { engine: "rabbitmq", rabbitmq: extra } });
const PROD_RULE = "the data rules refuse it in prod; the policy guards stores other code or programs declare";

export const DATA_MUTATIONS: Mutation[] = [
  {
    policy: "rds-require-storage-encryption",
    change: "create the database unencrypted",
    set: { "platform:database.storageEncrypted": false },
    configError: noSuchKey("platform:database.storageEncrypted"),
    because: NOT_A_KNOB,
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
  },
  {
    policy: "rds-configure-backup-retention",
    change: "keep one day of backups",
    set: { "platform:database.backupRetentionDays": 1 },
    configError: /platform:database\.backupRetentionDays: got 1; allowed: at least 7 when profile is prod/,
    because: PROD_RULE,
  },
  {
    policy: "rds-enable-deletion-protection",
    change: "turn off deletion protection to rebuild the database",
    set: { "platform:database.deletionProtection": false },
    configError: /platform:database\.deletionProtection: got false; allowed: true when profile is prod/,
    because: PROD_RULE,
  },
  {
    policy: "rds-enable-iam-authentication",
    change: "turn off IAM database authentication",
    set: { "platform:database.iamAuthentication": false },
    configError: noSuchKey("platform:database.iamAuthentication"),
    because: NOT_A_KNOB,
  },
  {
    policy: "rds-require-tls",
    change: "allow plain-text connections for a legacy client",
    set: { "platform:database.forceSsl": false },
    configError: noSuchKey("platform:database.forceSsl"),
    because: NOT_A_KNOB,
  },
  {
    policy: "rds-enable-auto-minor-version-upgrade",
    change: "turn off automatic minor version upgrades",
    set: { "platform:database.autoMinorVersionUpgrade": false },
    configError: noSuchKey("platform:database.autoMinorVersionUpgrade"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elasticache-require-encryption-at-rest",
    change: "turn off the cache's at-rest encryption",
    set: { "platform:cache.atRestEncryption": false },
    configError: noSuchKey("platform:cache.atRestEncryption"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elasticache-require-encryption-in-transit",
    change: "let clients connect to the cache without TLS",
    set: { "platform:cache.transitEncryptionMode": "preferred" },
    configError: noSuchKey("platform:cache.transitEncryptionMode"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elasticache-require-auth",
    change: "drop the cache's AUTH token",
    set: { "platform:cache.authToken": false },
    configError: noSuchKey("platform:cache.authToken"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elasticache-enable-automatic-failover",
    change: "turn off automatic failover",
    set: { "platform:cache.automaticFailover": false },
    configError: /platform:cache\.automaticFailover: got false; allowed: true when profile is prod/,
    because: PROD_RULE,
  },
  {
    policy: "elasticache-configure-snapshot-retention",
    change: "keep one day of cache snapshots",
    set: { "platform:cache.snapshotRetentionDays": 1 },
    configError: /platform:cache\.snapshotRetentionDays: got 1; allowed: at least 7 when profile is prod/,
    because: PROD_RULE,
  },
  {
    policy: "elasticache-enable-auto-minor-version-upgrade",
    change: "stop the cache taking minor engine upgrades, to avoid maintenance-window restarts",
    set: { "platform:cache.autoMinorVersionUpgrade": false },
    configError: noSuchKey("platform:cache.autoMinorVersionUpgrade"),
    because: NOT_A_KNOB,
  },
  {
    policy: "msk-require-tls",
    change: "turn on MSK with plaintext client traffic",
    set: kafka({ clientBroker: "PLAINTEXT" }),
    configError: noSuchKey("platform:messaging.kafka.clientBroker"),
    because: NOT_A_KNOB,
  },
  {
    policy: "msk-disallow-unauthenticated-access",
    change: "turn on MSK with unauthenticated clients",
    set: kafka({ unauthenticated: true }),
    configError: noSuchKey("platform:messaging.kafka.unauthenticated"),
    because: NOT_A_KNOB,
  },
  {
    policy: "msk-require-encryption-at-rest",
    change: "turn on MSK on the AWS-managed key",
    set: kafka({ kmsKeyArn: "alias/aws/kafka" }),
    configError: noSuchKey("platform:messaging.kafka.kmsKeyArn"),
    because: NOT_A_KNOB,
  },
  {
    policy: "msk-require-brokers-across-azs",
    change: "turn on MSK with two brokers",
    set: kafka({ brokerCount: 2 }),
    configError: /platform:messaging\.kafka\.brokerCount: got 2; allowed: a multiple of 3/,
    because: "brokers always spread over up to 3 AZs and their count must be a multiple of them; the policy guards clusters other code or programs declare",
  },
  {
    policy: "msk-enable-enhanced-monitoring",
    change: "turn on MSK with DEFAULT (cluster-level) metrics to save CloudWatch cost",
    set: kafka({ enhancedMonitoring: "DEFAULT" }),
    configError: /platform:messaging\.kafka\.enhancedMonitoring: got "DEFAULT"; allowed: .*PER_BROKER/,
    because: "the schema offers PER_BROKER or finer only; the policy guards clusters other code or programs declare",
  },
  {
    policy: "mq-require-multi-az-deployment",
    change: "turn on RabbitMQ as a single instance",
    set: rabbitmq({ deploymentMode: "SINGLE_INSTANCE" }),
    configError: /platform:messaging\.rabbitmq\.deploymentMode: got "SINGLE_INSTANCE"; allowed: "CLUSTER_MULTI_AZ" when profile is prod/,
    because: PROD_RULE,
  },
  {
    policy: "mq-disallow-public-access",
    change: "turn on RabbitMQ with a public endpoint",
    set: rabbitmq({ publiclyAccessible: true }),
    configError: noSuchKey("platform:messaging.rabbitmq.publiclyAccessible"),
    because: NOT_A_KNOB,
  },
  {
    policy: "mq-require-customer-managed-key",
    change: "switch messaging to ActiveMQ on the AWS-owned key",
    set: { "platform:messaging": { engine: "activemq" } },
    configError: /platform:messaging\.engine: got "activemq"; allowed: one of "kafka", "rabbitmq", "none"/,
    because: "the platform offers only RabbitMQ on Amazon MQ, which is exempt (AWS-owned key only); the policy guards ActiveMQ brokers other code or programs declare",
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
  },
  {
    policy: "ec2-disallow-public-data-stores",
    change: "admit the office network to PostgreSQL",
    set: { "platform:database.allowedCidrs": ["0.0.0.0/0"] },
    configError: noSuchKey("platform:database.allowedCidrs"),
    because: "data stores admit only the client security groups the program passes; the policy guards hand-written rules and other programs",
  },
];
