/**
 * Settings of the Cache component, what a direct caller gets by default, the per-profile presets
 * the platform's stacks start from, and the ElastiCache rules they obey. Pure; no Pulumi imports.
 */
import { LOGGING_PRESETS, LogRetentionDays } from "../logs";
import type { Profile } from "../profiles";
import { KEY_RING_PRESETS, SECRET_RECOVERY_WINDOW } from "../security/presets";
import { withDefaults } from "../defaults";
import { SettingProblem, assertNoProblems, intRange, logRetentionProblems, problem, valueProblem } from "../settings";
import { cacheRegionProblems, regionOfArgs } from "./argChecks";
import { CacheEngine, cacheVersionProblem, nodeCount } from "./cacheEngine";
import { windowPairProblems } from "./windows";

export interface CacheSettings {
  /** "valkey" (Redis OSS-compatible, the cheaper current engine) or "redis" (Redis OSS). @default "valkey" */
  engine: CacheEngine;
  /**
   * Engine version from cacheEngine.ts CACHE_VERSIONS (valkey 7.2 to 9.0, redis 7.0 or 7.1); picks
   * the parameter group family. https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html
   * @default "8.2"
   */
  engineVersion: string;
  /** Node type of every node, e.g. cache.t4g.small or cache.r7g.large. @default "cache.r7g.large" */
  nodeType: string;
  /** Cluster mode: data sharded over `shards` node groups (needs automaticFailover). @default false */
  clusterMode: boolean;
  /** Node groups, 1 to 500; 1 without cluster mode. @default 1 */
  shards: number;
  /** Replicas per node group, 0 to 5; failover needs ≥ 1. @default 1 */
  replicasPerShard: number;
  /**
   * Promote a replica when a primary fails; needs ≥ 2 nodes per shard.
   * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html
   * @default true
   */
  automaticFailover: boolean;
  /** Replicas in other AZs than their primary; needs automaticFailover. @default true */
  multiAz: boolean;
  /**
   * Days of automatic snapshots, 1 to 35 (FSBP ElastiCache.1 wants them on).
   * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html
   * @default 7
   */
  snapshotRetentionDays: number;
  /** Daily snapshot window, UTC "hh:mm-hh:mm", ≥ 60 minutes, not overlapping maintenanceWindow. @default "02:00-03:00" */
  snapshotWindow: string;
  /** Weekly maintenance window, UTC "ddd:hh:mm-ddd:hh:mm", ≥ 60 minutes. @default "sun:05:30-sun:06:30" */
  maintenanceWindow: string;
  /** slowlog-log-slower-than in microseconds. @default 10000 */
  slowLogMicros: number;
  /** Take a final snapshot when the group is deleted. @default true */
  finalSnapshot: boolean;
  /** Pulumi `protect` on the replication group, its secret and the component's own keys. @default true */
  protect: boolean;
  /** Days the slow and engine logs are kept; a CloudWatch Logs retention value. @default 90 (LOGGING_DEFAULTS.retentionDays) */
  logRetentionDays: LogRetentionDays;
  /**
   * Days a deleted AUTH-token secret can be recovered, 7 to 30: as long as a deleted key waits.
   * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html
   * @default 30
   */
  secretRecoveryWindowDays: number;
}

const common = (p: Profile) => ({
  engine: "valkey" as const,
  engineVersion: "8.2",
  clusterMode: false,
  shards: 1,
  snapshotWindow: "02:00-03:00",
  maintenanceWindow: "sun:05:30-sun:06:30",
  slowLogMicros: 10000,
  logRetentionDays: LOGGING_PRESETS[p].retentionDays,
  // Secrets wait as long as keys do before they are destroyed (both 7 to 30 days).
  secretRecoveryWindowDays: KEY_RING_PRESETS[p].deletionWindowDays,
});

/**
 * dev: one small Graviton node (cache.t4g.micro, which Valkey and Redis OSS run on), a day of
 * snapshots; a failover is a restart, accepted for cost.
 * prod: a primary and a replica in another AZ with automatic failover, a week of snapshots, as the
 * reference medical system runs. The billion-record system turns on cluster mode with 3 shards in
 * its own stack file.
 */
export const CACHE_PRESETS: Record<Profile, CacheSettings> = {
  dev: {
    ...common("dev"), nodeType: "cache.t4g.micro", replicasPerShard: 0, automaticFailover: false, multiAz: false,
    snapshotRetentionDays: 1, finalSnapshot: false, protect: false,
  },
  staging: {
    ...common("staging"), nodeType: "cache.m7g.large", replicasPerShard: 1, automaticFailover: true, multiAz: true,
    snapshotRetentionDays: 7, finalSnapshot: true, protect: true,
  },
  prod: {
    ...common("prod"), nodeType: "cache.r7g.large", replicasPerShard: 1, automaticFailover: true, multiAz: true,
    snapshotRetentionDays: 7, finalSnapshot: true, protect: true,
  },
};

/** A direct caller's cache: the prod preset. */
export const CACHE_DEFAULTS: CacheSettings = CACHE_PRESETS.prod;

/** ElastiCache windows must be at least 60 minutes. */
const CACHE_MIN_WINDOW_MINUTES = 60;
/** Nodes per replication group in cluster mode (default quota). */
const MAX_NODES = 500;

function topologyProblems(c: EngineSettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (c.automaticFailover && c.replicasPerShard < 1) {
    problems.push(problem("automaticFailover", true, "false while replicasPerShard is 0: failover needs a replica to promote, so at least 2 nodes per shard"));
  }
  if (c.multiAz && !c.automaticFailover) problems.push(problem("multiAz", true, "false unless automaticFailover is true (ElastiCache rule)"));
  if (c.clusterMode && !c.automaticFailover) {
    problems.push(problem("clusterMode", true, "false unless automaticFailover is true: cluster mode requires automatic failover (ElastiCache rule)"));
  }
  if (!c.clusterMode && c.shards > 1) problems.push(problem("shards", c.shards, "1 unless clusterMode is true: without cluster mode a group has one shard"));
  if (nodeCount(c) > MAX_NODES) problems.push(problem("shards", c.shards, `shards × (1 + replicasPerShard) ≤ ${MAX_NODES} nodes (ElastiCache quota)`));
  return problems;
}

/** The settings ElastiCache itself judges: all but the log and secret retention, which the stack sets elsewhere. */
type EngineSettings = Omit<CacheSettings, "logRetentionDays" | "secretRecoveryWindowDays">;

/** Every way ElastiCache would reject these settings. The stack's config validation reports them under platform:cache. */
export function checkCacheSettings(c: EngineSettings): SettingProblem[] {
  const problems = [
    ...intRange("shards", c.shards, 1, 500, "ElastiCache limit"),
    ...intRange("replicasPerShard", c.replicasPerShard, 0, 5, "ElastiCache limit"),
    ...intRange("snapshotRetentionDays", c.snapshotRetentionDays, 0, 35, "ElastiCache limit"),
  ];
  if (!/^cache\.[a-z0-9]+\.[a-z0-9]+$/.test(c.nodeType)) problems.push(problem("nodeType", c.nodeType, "an ElastiCache node type such as cache.t4g.small"));
  const version = cacheVersionProblem(c.engine, c.engineVersion);
  if (version) problems.push(valueProblem("engineVersion", c.engineVersion, version));
  if (c.snapshotRetentionDays < 1) {
    problems.push(problem("snapshotRetentionDays", c.snapshotRetentionDays, "at least 1: automatic backups stay on in every stack (FSBP ElastiCache.1)"));
  }
  const windows = windowPairProblems({ dailyField: "snapshotWindow", daily: c.snapshotWindow, weekly: c.maintenanceWindow, minMinutes: CACHE_MIN_WINDOW_MINUTES, service: "ElastiCache" });
  return [...problems, ...topologyProblems(c), ...windows];
}

/** The cache's settings: the caller's, else the defaults; throws listing every problem. */
export function resolveCacheArgs(name: string, args: Partial<CacheSettings> & { availabilityZones?: readonly string[]; account?: { region: string } }): CacheSettings {
  const s = withDefaults(CACHE_DEFAULTS, args);
  assertNoProblems(name, [
    ...checkCacheSettings(s),
    ...cacheRegionProblems(regionOfArgs(args), s),
    ...logRetentionProblems("logRetentionDays", s.logRetentionDays),
    ...intRange("secretRecoveryWindowDays", s.secretRecoveryWindowDays, SECRET_RECOVERY_WINDOW.min, SECRET_RECOVERY_WINDOW.max, "Secrets Manager DeleteSecret"),
  ]);
  return s;
}
