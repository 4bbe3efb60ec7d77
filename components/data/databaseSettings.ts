/**
 * Settings of the Database component, what a direct caller gets by default, the per-profile presets
 * the platform's stacks start from, and the RDS rules they obey. Pure; no Pulumi imports.
 */
import { LOGGING_PRESETS, LogRetentionDays } from "../logs";
import type { Profile } from "../profiles";
import { withDefaults } from "../defaults";
import { SettingProblem, assertNoProblems, intRange, logRetentionProblems, problem, valueProblem } from "../settings";
import { databaseRegionProblems, regionOfArgs } from "./argChecks";
import { PERFORMANCE_INSIGHTS_RETENTION_RULE, isPerformanceInsightsRetention, minMaxAllocatedStorage, postgresVersionProblem } from "./postgres";
import { windowPairProblems } from "./windows";

export interface DatabaseSettings {
  /**
   * PostgreSQL version: a supported major ("17", "18"; RDS picks the newest minor and keeps it
   * current) or a pinned minor such as "17.7" (postgres.ts POSTGRES_VERSIONS).
   * https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html
   * @default "17"
   */
  engineVersion: string;
  /**
   * Instance class of the primary and every replica, e.g. db.t3.medium or db.r6g.large.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html
   * @default "db.r6g.large"
   */
  instanceClass: string;
  /** Initial gp3 storage in GiB, 20 to 65536. @default 100 */
  allocatedStorageGiB: number;
  /**
   * Storage autoscaling ceiling in GiB, at least 10% above allocatedStorageGiB.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html
   * @default 1000
   */
  maxAllocatedStorageGiB: number;
  /**
   * A synchronous standby in another AZ with automatic failover.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html
   * @default true
   */
  multiAz: boolean;
  /**
   * Read replicas, 0 to 15, each in an AZ other than the first (postgres.ts replicaAzs); they need
   * backups on. https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html
   * @default 0 (replicas scale reads; Multi-AZ is what keeps the database up)
   */
  readReplicas: number;
  /**
   * Days of automated backups and point-in-time recovery, 0 to 35.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
   * @default 7 (FSBP RDS.11)
   */
  backupRetentionDays: number;
  /** Daily backup window, UTC "hh:mm-hh:mm", ≥ 30 minutes, not overlapping maintenanceWindow. @default "03:00-04:00" */
  backupWindow: string;
  /** Weekly maintenance window, UTC "ddd:hh:mm-ddd:hh:mm", ≥ 30 minutes. @default "sun:04:30-sun:05:30" */
  maintenanceWindow: string;
  /**
   * Performance Insights retention in days: 7 (free), 731 or 31 × 1..23.
   * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
   * @default 31
   */
  performanceInsightsRetentionDays: number;
  /** Enhanced Monitoring interval in seconds: 1, 5, 10, 15, 30 or 60 (always on). @default 15 */
  monitoringIntervalSeconds: 1 | 5 | 10 | 15 | 30 | 60;
  /** log_min_duration_statement in milliseconds: slower statements are logged. @default 1000 */
  slowQueryMs: number;
  /** Database created on the primary: a letter, then up to 62 letters, digits or '_'. @default "app" */
  databaseName: string;
  /**
   * Master user, same rule as databaseName; RDS generates its password and keeps it in Secrets
   * Manager, never in state. @default "platform_admin"
   */
  masterUsername: string;
  /**
   * Days between rotations of the RDS-managed master secret, 1 to 365 (RDS's own default is 7).
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html
   * @default 7
   */
  credentialRotationDays: number;
  /** RDS deletion protection on every instance. @default true */
  deletionProtection: boolean;
  /** Take a final snapshot "<identifier>-final" when the primary is deleted. @default true */
  finalSnapshot: boolean;
  /** Pulumi `protect` on every instance (and on the component's own keys). https://www.pulumi.com/docs/iac/concepts/options/protect/ @default true */
  protect: boolean;
  /** Days the exported PostgreSQL logs are kept; a CloudWatch Logs retention value. @default 90 (LOGGING_DEFAULTS.retentionDays) */
  logRetentionDays: LogRetentionDays;
}

/**
 * dev: one small Single-AZ instance, no replicas, a week of backups, free Performance Insights.
 * prod: Multi-AZ on a memory-optimized class, one read replica in another AZ, deletion protection,
 * a final snapshot and `protect`, as the reference medical system runs. The billion-record system
 * raises backups to 35 days and replicas to 2 in its own stack file.
 */
const common = (p: Profile) => ({
  engineVersion: "17",
  backupWindow: "03:00-04:00",
  maintenanceWindow: "sun:04:30-sun:05:30",
  slowQueryMs: 1000,
  databaseName: "app",
  masterUsername: "platform_admin",
  // RDS rotates a managed master password every 7 days unless told otherwise; we say so.
  credentialRotationDays: 7,
  backupRetentionDays: 7,
  logRetentionDays: LOGGING_PRESETS[p].retentionDays,
});

export const DATABASE_PRESETS: Record<Profile, DatabaseSettings> = {
  dev: {
    ...common("dev"), instanceClass: "db.t4g.micro", allocatedStorageGiB: 20, maxAllocatedStorageGiB: 100, multiAz: false, readReplicas: 0,
    performanceInsightsRetentionDays: 7, monitoringIntervalSeconds: 60, deletionProtection: false, finalSnapshot: false, protect: false,
  },
  staging: {
    ...common("staging"), instanceClass: "db.m6g.large", allocatedStorageGiB: 50, maxAllocatedStorageGiB: 200, multiAz: true, readReplicas: 0,
    performanceInsightsRetentionDays: 7, monitoringIntervalSeconds: 30, deletionProtection: true, finalSnapshot: true, protect: true,
  },
  prod: {
    ...common("prod"), instanceClass: "db.r6g.large", allocatedStorageGiB: 100, maxAllocatedStorageGiB: 1000, multiAz: true, readReplicas: 1,
    performanceInsightsRetentionDays: 31, monitoringIntervalSeconds: 15, deletionProtection: true, finalSnapshot: true, protect: true,
  },
};

/**
 * A direct caller's database: the prod preset without its read replica. A replica scales reads and
 * costs a second instance; the standby of Multi-AZ is what survives an AZ, so a caller adds
 * replicas when its reads need them.
 */
export const DATABASE_DEFAULTS: DatabaseSettings = { ...DATABASE_PRESETS.prod, readReplicas: 0 };

export const MONITORING_INTERVALS = [1, 5, 10, 15, 30, 60] as const;
/** DB names and master user names: a letter, then up to 62 letters, digits or '_'. */
export const DB_IDENTIFIER_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;
const RDS_MIN_WINDOW_MINUTES = 30;

/** Ranges RDS enforces on each value; the stack schema checks the same before these run. */
function rangeProblems(db: EngineSettings): SettingProblem[] {
  return [
    ...intRange("allocatedStorageGiB", db.allocatedStorageGiB, 20, 65536, "RDS for PostgreSQL gp3 limits"),
    ...intRange("readReplicas", db.readReplicas, 0, 15, "RDS limit"),
    ...(/^db\.[a-z0-9]+\.[a-z0-9]+$/.test(db.instanceClass) ? [] : [problem("instanceClass", db.instanceClass, "an RDS instance class such as db.t3.medium")]),
    ...intRange("backupRetentionDays", db.backupRetentionDays, 0, 35, "RDS limits"),
    ...intRange("credentialRotationDays", db.credentialRotationDays, 1, 365, "Secrets Manager rotation schedule"),
    ...((MONITORING_INTERVALS as readonly number[]).includes(db.monitoringIntervalSeconds) ? [] : [problem("monitoringIntervalSeconds", db.monitoringIntervalSeconds, MONITORING_INTERVALS.join(", "))]),
    ...(["databaseName", "masterUsername"] as const).filter((k) => !DB_IDENTIFIER_NAME.test(db[k])).map((k) => problem(k, db[k], "a letter, then up to 62 letters, digits or '_'")),
  ];
}

/** The settings RDS itself judges: all but the log retention, which the stack sets elsewhere. */
type EngineSettings = Omit<DatabaseSettings, "logRetentionDays">;

/** Every way RDS would reject these settings. The stack's config validation reports them under platform:database. */
export function checkDatabaseSettings(db: EngineSettings): SettingProblem[] {
  const problems = rangeProblems(db);
  const version = postgresVersionProblem(db.engineVersion);
  if (version) problems.push(valueProblem("engineVersion", db.engineVersion, version));
  if (!isPerformanceInsightsRetention(db.performanceInsightsRetentionDays)) {
    problems.push(problem("performanceInsightsRetentionDays", db.performanceInsightsRetentionDays, `${PERFORMANCE_INSIGHTS_RETENTION_RULE} (the values RDS accepts)`));
  }
  if (db.maxAllocatedStorageGiB < minMaxAllocatedStorage(db.allocatedStorageGiB)) {
    problems.push(problem("maxAllocatedStorageGiB", db.maxAllocatedStorageGiB, `at least ${minMaxAllocatedStorage(db.allocatedStorageGiB)}, 10% above allocatedStorageGiB (RDS storage autoscaling rule)`));
  }
  if (db.readReplicas > 0 && db.backupRetentionDays === 0) {
    problems.push(problem("readReplicas", db.readReplicas, "0 while backupRetentionDays is 0: RDS creates a read replica only from a source with automated backups (backupRetentionDays > 0)"));
  }
  return [...problems, ...windowPairProblems({ dailyField: "backupWindow", daily: db.backupWindow, weekly: db.maintenanceWindow, minMinutes: RDS_MIN_WINDOW_MINUTES, service: "RDS" })];
}

/** The database's settings: the caller's, else the defaults; throws listing every problem. */
export function resolveDatabaseArgs(name: string, args: Partial<DatabaseSettings> & { availabilityZones?: readonly string[]; account?: { region: string } }): DatabaseSettings {
  const s = withDefaults(DATABASE_DEFAULTS, args);
  const azs = args.availabilityZones;
  assertNoProblems(name, [
    ...checkDatabaseSettings(s),
    ...databaseRegionProblems(regionOfArgs(args), s),
    ...logRetentionProblems("logRetentionDays", s.logRetentionDays),
    ...(azs && s.readReplicas > 0 && azs.length < 2 ? [problem("availabilityZones", azs, "at least two AZ names while readReplicas > 0: replicas go to AZs other than the primary's")] : []),
  ]);
  return s;
}
