/**
 * `platform:database`: the RDS for PostgreSQL primary and its read replicas. A stack without a
 * database says so explicitly with `enabled: false`; leaving the key out keeps the profile's database.
 */
import { z } from "zod";
import { DATABASE_PRESETS, DB_IDENTIFIER_NAME, MONITORING_INTERVALS, checkDatabaseSettings } from "../../../components/data/databaseSettings";
import { PERFORMANCE_INSIGHTS_RETENTION_RULE } from "../../../components/data/postgres";
import { DAILY_WINDOW, WEEKLY_WINDOW } from "../../../components/data/windows";
import { ConfigProblem, underKey } from "../problems";
import { Profile, mapProfiles } from "../values";
import type { NetworkConfig } from "./network";
import { literals } from "./common";

const KEY = "platform:database";
const identifier = z.string().regex(DB_IDENTIFIER_NAME, "a letter, then up to 62 letters, digits or '_'");

export const databaseSchema = z.strictObject({
  enabled: z.boolean().describe("Whether the stack has a PostgreSQL database. Turn it off explicitly with false."),
  engineVersion: z.string().describe("PostgreSQL version: a major (17, 18: the newest minor, upgraded automatically) or a pinned minor such as 17.7. 17 and 18 are supported."),
  instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "an RDS instance class such as db.t3.medium").describe("RDS instance class of the primary and its replicas, e.g. db.t3.medium to db.r5.2xlarge."),
  allocatedStorageGiB: z.number().int().min(20).max(65536).describe("Initial gp3 storage in GiB, 20 to 65536 (RDS for PostgreSQL limits)."),
  maxAllocatedStorageGiB: z.number().int().min(22).max(65536).describe("Storage autoscaling ceiling in GiB; at least 10% above allocatedStorageGiB (RDS rule)."),
  multiAz: z.boolean().describe("A synchronous standby in a second AZ with automatic failover. Mandatory in prod."),
  readReplicas: z.number().int().min(0).max(15).describe("Read replicas, 0 to 15 (RDS limit), each in another AZ. Needs backups on (backupRetentionDays > 0)."),
  backupRetentionDays: z.number().int().min(0).max(35).describe("Days of automated backups and point-in-time recovery, 0 to 35 (RDS limits). At least 7 in prod."),
  backupWindow: z.string().regex(DAILY_WINDOW, "a UTC window hh:mm-hh:mm").describe("Daily backup window, UTC hh:mm-hh:mm, at least 30 minutes, not overlapping maintenanceWindow."),
  maintenanceWindow: z.string().regex(WEEKLY_WINDOW, "a UTC window ddd:hh:mm-ddd:hh:mm").describe("Weekly maintenance window, UTC ddd:hh:mm-ddd:hh:mm, at least 30 minutes."),
  performanceInsightsRetentionDays: z.number().int().min(7).max(731).describe(`Days Performance Insights keeps data: ${PERFORMANCE_INSIGHTS_RETENTION_RULE}. 7 is free.`),
  monitoringIntervalSeconds: literals(MONITORING_INTERVALS).describe("Enhanced Monitoring granularity in seconds: 1, 5, 10, 15, 30 or 60. Monitoring is always on."),
  slowQueryMs: z.number().int().min(0).max(2147483647).describe("Statements slower than this many milliseconds are logged (log_min_duration_statement)."),
  databaseName: identifier.describe("Name of the database created on the primary."),
  masterUsername: identifier.describe("Master user name; RDS generates its password and keeps it in Secrets Manager."),
  credentialRotationDays: z.number().int().min(1).max(365).describe("Days between rotations of the RDS-managed master password, 1 to 365; the policy pack's secretsmanager-enable-rotation allows at most its maximumRotationDays (90)."),
  deletionProtection: z.boolean().describe("RDS deletion protection on the primary and replicas. Mandatory in prod."),
  finalSnapshot: z.boolean().describe("Take a named final snapshot when the primary is deleted. Mandatory in prod."),
  protect: z.boolean().describe("Pulumi `protect` on the instances, so `pulumi destroy` refuses to delete them. Mandatory in prod."),
});
export type DatabaseConfig = z.infer<typeof databaseSchema>;

/** The database's presets (components/data/databaseSettings.ts) less the log retention, which the stack takes from platform:logging. */
export const DATABASE_DEFAULTS: Record<Profile, DatabaseConfig> = mapProfiles((p) => {
  const { logRetentionDays: _logs, ...db } = DATABASE_PRESETS[p];
  return { enabled: true, ...db };
});

/** RDS needs backups this long at least in prod (FSBP RDS.11 asks for 7). */
export const PROD_MIN_BACKUP_DAYS = 7;

function prodProblems(db: DatabaseConfig): ConfigProblem[] {
  const required: Array<[keyof DatabaseConfig, string]> = [
    ["multiAz", "Multi-AZ is mandatory in prod"],
    ["deletionProtection", "deletion protection is mandatory in prod"],
    ["finalSnapshot", "a final snapshot is mandatory in prod"],
    ["protect", "stateful resources in prod are protected"],
  ];
  const problems: ConfigProblem[] = required
    .filter(([k]) => db[k] !== true)
    .map(([k, why]) => ({ key: `${KEY}.${k}`, value: db[k], allowed: `true when profile is prod: ${why}` }));
  if (db.backupRetentionDays < PROD_MIN_BACKUP_DAYS) {
    problems.push({ key: `${KEY}.backupRetentionDays`, value: db.backupRetentionDays, allowed: `at least ${PROD_MIN_BACKUP_DAYS} when profile is prod` });
  }
  return problems;
}

export function databaseRules(c: { profile?: Profile; database?: DatabaseConfig; network?: NetworkConfig }): ConfigProblem[] {
  const db = c.database;
  if (!db?.enabled) return [];
  const { enabled: _on, ...settings } = db;
  // RDS's own rules live beside the component, which checks them for direct callers too.
  const problems = underKey(KEY, checkDatabaseSettings(settings));
  if (c.network && !c.network.subnets.database.enabled) {
    problems.push({ key: `${KEY}.enabled`, value: true, allowed: "false unless platform:network.subnets.database.enabled is true: the database lives in the isolated database subnets" });
  }
  if (c.profile === "prod") problems.push(...prodProblems(db));
  return problems;
}
