/**
 * Settings of the Storage component, what a direct caller gets by default, and the per-profile
 * presets the platform's stacks start from. Pure; no Pulumi imports.
 */
import type { Profile } from "../profiles";
import { KEY_RING_DEFAULTS } from "../security/presets";
import { withDefaults } from "../defaults";
import { SettingProblem, assertNoProblems, intRange, problem } from "../settings";
import type { BackupRetention } from "./backupPlan";

/** EFS lifecycle values. https://docs.aws.amazon.com/efs/latest/ug/API_LifecyclePolicy.html */
export const EFS_IA_TRANSITIONS = ["AFTER_1_DAY", "AFTER_7_DAYS", "AFTER_14_DAYS", "AFTER_30_DAYS", "AFTER_60_DAYS", "AFTER_90_DAYS", "AFTER_180_DAYS", "AFTER_270_DAYS", "AFTER_365_DAYS"] as const;
export type EfsIaTransition = (typeof EFS_IA_TRANSITIONS)[number];

export interface StorageSettings {
  /**
   * Days S3 keeps a replaced or deleted object version, 1 to 3650.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html
   * @default 90
   */
  noncurrentVersionExpirationDays: number;
  /**
   * Pulumi `protect` on the buckets, the file system, the backup vaults and the component's own
   * key. https://www.pulumi.com/docs/iac/concepts/options/protect/
   * @default true
   */
  protect: boolean;
  /**
   * Days AWS Backup keeps each daily and each monthly recovery point (at least 1).
   * https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html
   * @default { dailyRetentionDays: 35, monthlyRetentionDays: 365 }
   */
  backup: BackupRetention;
}

/**
 * dev: old versions kept a week, short backup retention. prod: versions kept 90 days, backups kept
 * 35 days (daily) and a year (monthly), everything protected.
 */
export const STORAGE_PRESETS: Record<Profile, StorageSettings> = {
  dev: { noncurrentVersionExpirationDays: 7, protect: false, backup: { dailyRetentionDays: 7, monthlyRetentionDays: 30 } },
  staging: { noncurrentVersionExpirationDays: 30, protect: true, backup: { dailyRetentionDays: 14, monthlyRetentionDays: 90 } },
  prod: { noncurrentVersionExpirationDays: 90, protect: true, backup: { dailyRetentionDays: 35, monthlyRetentionDays: 365 } },
};

/** A direct caller's storage: the prod preset. */
export const STORAGE_DEFAULTS: StorageSettings = STORAGE_PRESETS.prod;

export interface FileSystemSettings {
  /**
   * "elastic" (pay per use, scales at once; AWS's recommendation) or "bursting" (throughput grows
   * with size). https://docs.aws.amazon.com/efs/latest/ug/performance.html#throughput-modes
   * @default "elastic"
   */
  throughputMode: "elastic" | "bursting";
  /**
   * Days without access before a file moves to EFS Infrequent Access (EFS_IA_TRANSITIONS).
   * https://docs.aws.amazon.com/efs/latest/ug/API_LifecyclePolicy.html
   * @default "AFTER_30_DAYS"
   */
  transitionToIa: EfsIaTransition;
}

/** The same file system in every profile: elastic throughput, files idle 30 days move to IA. */
export const FILE_SYSTEM_DEFAULTS: FileSystemSettings = { throughputMode: "elastic", transitionToIa: "AFTER_30_DAYS" };

/** Backup retention in days: AWS Backup's lifecycle takes up to 100 years. */
const MAX_RETENTION_DAYS = 36500;

export function checkStorageSettings(s: StorageSettings): SettingProblem[] {
  return [
    ...intRange("noncurrentVersionExpirationDays", s.noncurrentVersionExpirationDays, 1, 3650, "the platform's bound on S3 NoncurrentDays"),
    ...intRange("backup.dailyRetentionDays", s.backup.dailyRetentionDays, 1, MAX_RETENTION_DAYS, "AWS Backup lifecycle"),
    ...intRange("backup.monthlyRetentionDays", s.backup.monthlyRetentionDays, 1, MAX_RETENTION_DAYS, "AWS Backup lifecycle"),
  ];
}

export function checkFileSystemSettings(f: FileSystemSettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (!["elastic", "bursting"].includes(f.throughputMode)) problems.push(problem("efs.throughputMode", f.throughputMode, "elastic or bursting"));
  if (!(EFS_IA_TRANSITIONS as readonly string[]).includes(f.transitionToIa)) problems.push(problem("efs.transitionToIa", f.transitionToIa, EFS_IA_TRANSITIONS.join(", ")));
  return problems;
}

/** The storage settings: the caller's, else the defaults; throws listing every problem. */
export function resolveStorageArgs(name: string, args: Partial<StorageSettings>): StorageSettings {
  const s = withDefaults(STORAGE_DEFAULTS, args);
  assertNoProblems(name, checkStorageSettings(s));
  return s;
}

/** Deletion window of the replica region's own data key when the caller does not say. */
export const REPLICA_KEY_DELETION_WINDOW_DAYS = KEY_RING_DEFAULTS.deletionWindowDays;
