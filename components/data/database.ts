import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, accountContext } from "../account";
import { ComponentArgsError } from "../errors";
import { policyDocument, serviceTrustPolicy } from "../iam/policyDocument";
import type { MonitoringTargets } from "../monitoring/targets";
import { childName } from "../naming";
import { KeyArns, keysFor } from "../security/ownKeys";
import { tierTags } from "../tags";
import { DataStoreNetworkArgs, PHI_CLASSIFICATION, dataLogGroup, dataStoreSecurityGroup } from "./common";
import { DatabaseSettings, resolveDatabaseArgs } from "./databaseSettings";
import { POSTGRES_LOG_EXPORTS, POSTGRES_PORT, dbIdentifier, defaultMaxConnections, postgresFamily, postgresParameters, rdsLogGroupName, replicaAzs } from "./postgres";

/**
 * Only the VPC and the subnets are required: every setting (DatabaseSettings, databaseSettings.ts)
 * defaults to the secure, highly available choice, and the keys and account are found or made.
 */
export interface DatabaseArgs extends Partial<DatabaseSettings>, DataStoreNetworkArgs {
  /**
   * AZ names of `subnetIds`. A Single-AZ primary is pinned to the first, and read replicas go round
   * the others.
   * @default none: RDS places the primary and the replicas
   */
  availabilityZones?: string[];
  /**
   * KMS keys: `data` encrypts storage and Performance Insights, `secrets` the master user secret,
   * `logs` the exported PostgreSQL logs.
   * @default the component's own customer-managed key per class, rotation on, protected as the instances are
   */
  keys?: KeyArns;
  /**
   * Account, partition and region, for the monitoring role's trust condition and policy ARNs.
   * @default what the component's provider answers
   */
  account?: AccountContext;
}

/** What every instance is built from, once the args are resolved. */
interface Resolved {
  s: DatabaseSettings;
  keys: Record<"data" | "secrets" | "logs", pulumi.Input<string>>;
  azs?: string[];
  sg: aws.ec2.SecurityGroup;
  subnets: aws.rds.SubnetGroup;
  params: aws.rds.ParameterGroup;
  monitoringRoleArn: pulumi.Output<string>;
}

/**
 * RDS for PostgreSQL: a primary (Multi-AZ per config) and N read replicas in the isolated database
 * subnets, encrypted with the data key, TLS forced, IAM authentication on, the master password
 * managed by RDS in Secrets Manager (encrypted with the secrets key, rotated), Performance
 * Insights and Enhanced Monitoring on, PostgreSQL logs exported to encrypted log groups.
 */
export class Database extends pulumi.ComponentResource {
  /** Identifier of the primary, then of each replica (what the monitoring tier alarms on). */
  readonly instanceIdentifiers: string[];
  readonly primaryIdentifier: string;
  readonly replicaIdentifiers: string[];
  /** Writer host name and "host:port". */
  readonly address: pulumi.Output<string>;
  readonly endpoint: pulumi.Output<string>;
  /** Reader host names, one per replica. */
  readonly replicaAddresses: pulumi.Output<string>[];
  readonly port = POSTGRES_PORT;
  readonly securityGroupId: pulumi.Output<string>;
  /** ARN of the RDS-managed master user secret (JSON with username and password). */
  readonly secretArn: pulumi.Output<string>;
  /** ARN of the primary instance, for the storage tier's AWS Backup selection. */
  readonly arn: pulumi.Output<string>;
  /** Initial storage of every instance, GiB. */
  readonly allocatedStorageGiB: number;
  /** RDS's default max_connections of the instance class (postgres.ts); undefined for a class it cannot size. */
  readonly maxConnections?: number;

  constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:data:Database", name, {}, opts);
    const s = resolveDatabaseArgs(name, args);
    this.primaryIdentifier = dbIdentifier(name);
    this.replicaIdentifiers = Array.from({ length: s.readReplicas }, (_, i) => dbIdentifier(name, i + 1));
    this.instanceIdentifiers = [this.primaryIdentifier, ...this.replicaIdentifiers];
    this.allocatedStorageGiB = s.allocatedStorageGiB;
    this.maxConnections = defaultMaxConnections(s.instanceClass);
    const account = accountContext(this, args.account);
    const keys = keysFor(this, name, ["data", "secrets", "logs"], args.keys, { account: () => account, protect: s.protect, kind: "Database" });

    const sg = dataStoreSecurityGroup(this, name, { vpcId: args.vpcId, port: POSTGRES_PORT, service: "PostgreSQL", clientSecurityGroupIds: args.clientSecurityGroupIds });
    const subnets = new aws.rds.SubnetGroup(childName(name, "subnets"), { description: "Isolated database subnets", subnetIds: args.subnetIds, tags: tierTags("data") }, { parent: this });
    const params = new aws.rds.ParameterGroup(
      childName(name, "params"),
      { family: postgresFamily(s.engineVersion), description: "TLS forced, slow statements logged", parameters: postgresParameters(s.slowQueryMs), tags: tierTags("data") },
      { parent: this },
    );
    const r: Resolved = { s, keys, azs: args.availabilityZones, sg, subnets, params, monitoringRoleArn: this.monitoringRole(name, account).arn };
    const primary = this.primary(name, r);
    const replicas = this.replicaIdentifiers.map((id, i) => this.replica(name, id, i + 1, primary, r));

    this.securityGroupId = sg.id;
    this.arn = primary.arn;
    this.address = primary.address;
    this.endpoint = primary.endpoint;
    this.replicaAddresses = replicas.map((x) => x.address);
    this.secretArn = primary.masterUserSecrets.apply((m) => m[0].secretArn);
    new aws.secretsmanager.SecretRotation(
      childName(name, "secret-rotation"),
      { secretId: this.secretArn, rotationRules: { automaticallyAfterDays: s.credentialRotationDays } },
      { parent: this },
    );
    this.registerOutputs({
      instanceIdentifiers: this.instanceIdentifiers, address: this.address, endpoint: this.endpoint, replicaAddresses: this.replicaAddresses,
      port: this.port, securityGroupId: this.securityGroupId, secretArn: this.secretArn, arn: this.arn,
    });
  }

  /**
   * What the Monitoring component watches of this database (its `targets.database`): the primary,
   * the replicas, and the two numbers its relative thresholds need.
   */
  monitoringTarget(): NonNullable<MonitoringTargets["database"]> {
    if (this.maxConnections === undefined) {
      throw new ComponentArgsError(`${this.primaryIdentifier}: no default max_connections is known for its instance class; give Monitoring a target with max_connections set in the parameter group`);
    }
    return { instanceIds: [this.primaryIdentifier], replicaInstanceIds: this.replicaIdentifiers, maxConnections: this.maxConnections, allocatedStorageGiB: this.allocatedStorageGiB };
  }

  /** The log groups RDS exports to, created first so they are encrypted and expire. */
  private logGroups(name: string, identifier: string, r: Resolved, role: string): aws.cloudwatch.LogGroup[] {
    return POSTGRES_LOG_EXPORTS.map((log) =>
      dataLogGroup(this, childName(name, `${role}-${log}-logs`), { name: rdsLogGroupName(identifier, log), retentionDays: r.s.logRetentionDays, kmsKeyArn: r.keys.logs }),
    );
  }

  /**
   * Enhanced Monitoring publishes OS metrics to the RDSOSMetrics log group as this role, which only
   * RDS monitoring of this account may assume.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html
   */
  private monitoringRole(name: string, account: pulumi.Output<AccountContext>): aws.iam.Role {
    const role = new aws.iam.Role(
      childName(name, "monitoring"),
      { assumeRolePolicy: account.apply((a) => JSON.stringify(serviceTrustPolicy("monitoring.rds.amazonaws.com", a.accountId))), tags: tierTags("data") },
      { parent: this },
    );
    new aws.iam.RolePolicy(
      childName(name, "monitoring"),
      {
        role: role.id,
        policy: account.apply(({ partition, region, accountId }) => {
          const group = `arn:${partition}:logs:${region}:${accountId}:log-group:RDSOSMetrics`;
          return JSON.stringify(policyDocument(
            { Sid: "CreateMetricsGroup", Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:PutRetentionPolicy"], Resource: group },
            { Sid: "WriteMetrics", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents"], Resource: `${group}:log-stream:*` },
          ));
        }),
      },
      { parent: this },
    );
    return role;
  }

  private primary(name: string, r: Resolved): aws.rds.Instance {
    const { s } = r;
    const id = this.primaryIdentifier;
    return new aws.rds.Instance(
      childName(name, "primary"),
      {
        ...instanceCommon(r),
        identifier: id,
        engine: "postgres",
        engineVersion: s.engineVersion,
        allocatedStorage: s.allocatedStorageGiB,
        kmsKeyId: r.keys.data,
        dbName: s.databaseName,
        username: s.masterUsername,
        manageMasterUserPassword: true,
        masterUserSecretKmsKeyId: r.keys.secrets,
        multiAz: s.multiAz,
        // RDS refuses a pinned AZ for a Multi-AZ instance; a Single-AZ one sits in the first AZ.
        availabilityZone: s.multiAz ? undefined : r.azs?.[0],
        backupRetentionPeriod: s.backupRetentionDays,
        backupWindow: s.backupWindow,
        maintenanceWindow: s.maintenanceWindow,
        allowMajorVersionUpgrade: false,
        // Keep automated backups when the instance is deleted: a deletion must not lose the history.
        deleteAutomatedBackups: false,
        skipFinalSnapshot: !s.finalSnapshot,
        finalSnapshotIdentifier: s.finalSnapshot ? `${id}-final` : undefined,
        tags: tierTags("data", { Role: "primary", ...PHI_CLASSIFICATION }),
      },
      { parent: this, protect: s.protect, dependsOn: this.logGroups(name, id, r, "primary") },
    );
  }

  /**
   * A same-Region read replica: it inherits the source's KMS key (RDS rejects a key for it),
   * engine version, user and database. PostgreSQL replicas take no automated backups of their own;
   * the source's backups cover their data. A replica takes no final snapshot.
   * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html
   */
  private replica(name: string, id: string, n: number, primary: aws.rds.Instance, r: Resolved): aws.rds.Instance {
    return new aws.rds.Instance(
      childName(name, "replica", n),
      {
        ...instanceCommon(r),
        identifier: id,
        // With a subnet group in the same Region the source is named by ARN (provider rule).
        replicateSourceDb: primary.arn,
        multiAz: false,
        availabilityZone: r.azs ? replicaAzs(r.azs, r.s.readReplicas)[n - 1] : undefined,
        skipFinalSnapshot: true,
        tags: tierTags("data", { Role: "replica", ...PHI_CLASSIFICATION }),
      },
      { parent: this, protect: r.s.protect, dependsOn: this.logGroups(name, id, r, `replica-${n}`) },
    );
  }
}

/** Settings every instance, primary or replica, carries. Security settings are not knobs. */
function instanceCommon({ s, keys, sg, subnets, params, monitoringRoleArn }: Resolved): Partial<aws.rds.InstanceArgs> & { instanceClass: string } {
  return {
    instanceClass: s.instanceClass,
    storageType: "gp3",
    maxAllocatedStorage: s.maxAllocatedStorageGiB,
    storageEncrypted: true,
    port: POSTGRES_PORT,
    dbSubnetGroupName: subnets.name,
    vpcSecurityGroupIds: [sg.id],
    publiclyAccessible: false,
    parameterGroupName: params.name,
    iamDatabaseAuthenticationEnabled: true,
    performanceInsightsEnabled: true,
    performanceInsightsKmsKeyId: keys.data,
    performanceInsightsRetentionPeriod: s.performanceInsightsRetentionDays,
    monitoringInterval: s.monitoringIntervalSeconds,
    monitoringRoleArn,
    enabledCloudwatchLogsExports: [...POSTGRES_LOG_EXPORTS],
    autoMinorVersionUpgrade: true,
    copyTagsToSnapshot: true,
    deletionProtection: s.deletionProtection,
    applyImmediately: false,
  };
}
