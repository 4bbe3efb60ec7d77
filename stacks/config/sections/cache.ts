/**
 * `platform:cache`: the ElastiCache replication group (Valkey or Redis OSS). A stack without a cache
 * says so explicitly with `enabled: false`.
 */
import { z } from "zod";
import { cacheVersionProblem, nodeCount } from "../../../components/data/cacheEngine";
import { DAILY_WINDOW, WEEKLY_WINDOW, dailyOverlapsWeekly, dailySpans, minutes, weeklySpan } from "../../../components/data/windows";
import type { ConfigProblem } from "../problems";
import type { Profile } from "../values";

const KEY = "platform:cache";

export const cacheSchema = z.strictObject({
  enabled: z.boolean().describe("Whether the stack has a cache. Turn it off explicitly with false."),
  engine: z.enum(["valkey", "redis"]).describe("valkey (Redis OSS-compatible, the cheaper current engine) or redis (Redis OSS)."),
  engineVersion: z.string().describe("Engine version: valkey 7.2, 8.0, 8.1, 8.2 or 9.0; redis 7.0 or 7.1."),
  nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, "an ElastiCache node type such as cache.t4g.small").describe("Node type of every node, e.g. cache.t4g.small or cache.r6g.xlarge."),
  clusterMode: z.boolean().describe("Cluster mode: data sharded over `shards` node groups. Needs automaticFailover."),
  shards: z.number().int().min(1).max(500).describe("Node groups (shards), 1 to 500; more than 1 needs clusterMode."),
  replicasPerShard: z.number().int().min(0).max(5).describe("Replicas per shard, 0 to 5 (ElastiCache limit). Failover needs at least 1."),
  automaticFailover: z.boolean().describe("Promote a replica when a primary fails. Needs replicasPerShard ≥ 1. Mandatory in prod."),
  multiAz: z.boolean().describe("Place replicas in other AZs than their primary. Needs automaticFailover. Mandatory in prod."),
  snapshotRetentionDays: z.number().int().min(0).max(35).describe("Days of automatic snapshots, 0 to 35. At least 1 everywhere (FSBP ElastiCache.1), 7 in prod."),
  snapshotWindow: z.string().regex(DAILY_WINDOW, "a UTC window hh:mm-hh:mm").describe("Daily snapshot window, UTC hh:mm-hh:mm, at least 60 minutes, not overlapping maintenanceWindow."),
  maintenanceWindow: z.string().regex(WEEKLY_WINDOW, "a UTC window ddd:hh:mm-ddd:hh:mm").describe("Weekly maintenance window, UTC ddd:hh:mm-ddd:hh:mm, at least 60 minutes."),
  slowLogMicros: z.number().int().min(0).max(2147483647).describe("Commands slower than this many microseconds go to the slow log (slowlog-log-slower-than)."),
  finalSnapshot: z.boolean().describe("Take a named final snapshot when the group is deleted. Mandatory in prod."),
  protect: z.boolean().describe("Pulumi `protect` on the replication group. Mandatory in prod."),
});
export type CacheConfig = z.infer<typeof cacheSchema>;

const common = {
  enabled: true,
  engine: "valkey" as const,
  engineVersion: "8.2",
  clusterMode: false,
  shards: 1,
  snapshotWindow: "02:00-03:00",
  maintenanceWindow: "sun:05:30-sun:06:30",
  slowLogMicros: 10000,
};

/**
 * dev: one small node, a day of snapshots; a failover is a restart, accepted for cost.
 * prod: a primary and a replica in another AZ with automatic failover, a week of snapshots, as the
 * reference medical system runs. The billion-record system turns on cluster mode with 3 shards in
 * its own stack file.
 */
export const CACHE_DEFAULTS: Record<Profile, CacheConfig> = {
  dev: {
    ...common, nodeType: "cache.t3.micro", replicasPerShard: 0, automaticFailover: false, multiAz: false,
    snapshotRetentionDays: 1, finalSnapshot: false, protect: false,
  },
  staging: {
    ...common, nodeType: "cache.m7g.large", replicasPerShard: 1, automaticFailover: true, multiAz: true,
    snapshotRetentionDays: 7, finalSnapshot: true, protect: true,
  },
  prod: {
    ...common, nodeType: "cache.r7g.large", replicasPerShard: 1, automaticFailover: true, multiAz: true,
    snapshotRetentionDays: 7, finalSnapshot: true, protect: true,
  },
};

/** ElastiCache windows must be at least 60 minutes. */
const CACHE_MIN_WINDOW_MINUTES = 60;
/** Nodes per replication group in cluster mode (default quota). */
const MAX_NODES = 500;

function topologyProblems(c: CacheConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (c.automaticFailover && c.replicasPerShard < 1) {
    problems.push({ key: `${KEY}.automaticFailover`, value: true, allowed: "false while replicasPerShard is 0: failover needs a replica to promote, so at least 2 nodes per shard" });
  }
  if (c.multiAz && !c.automaticFailover) {
    problems.push({ key: `${KEY}.multiAz`, value: true, allowed: "false unless automaticFailover is true (ElastiCache rule)" });
  }
  if (c.clusterMode && !c.automaticFailover) {
    problems.push({ key: `${KEY}.clusterMode`, value: true, allowed: "false unless automaticFailover is true: cluster mode requires automatic failover (ElastiCache rule)" });
  }
  if (!c.clusterMode && c.shards > 1) {
    problems.push({ key: `${KEY}.shards`, value: c.shards, allowed: "1 unless clusterMode is true: without cluster mode a group has one shard" });
  }
  if (nodeCount(c) > MAX_NODES) {
    problems.push({ key: `${KEY}.shards`, value: c.shards, allowed: `shards × (1 + replicasPerShard) ≤ ${MAX_NODES} nodes (ElastiCache quota)` });
  }
  return problems;
}

function windowProblems(c: CacheConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (minutes(dailySpans(c.snapshotWindow)[0]) < CACHE_MIN_WINDOW_MINUTES) {
    problems.push({ key: `${KEY}.snapshotWindow`, value: c.snapshotWindow, allowed: "a window of at least 60 minutes (ElastiCache rule)" });
  }
  if (minutes(weeklySpan(c.maintenanceWindow)) < CACHE_MIN_WINDOW_MINUTES) {
    problems.push({ key: `${KEY}.maintenanceWindow`, value: c.maintenanceWindow, allowed: "a window of at least 60 minutes (ElastiCache rule)" });
  }
  if (dailyOverlapsWeekly(c.snapshotWindow, c.maintenanceWindow)) {
    problems.push({ key: `${KEY}.snapshotWindow`, value: c.snapshotWindow, allowed: `a window that does not overlap maintenanceWindow ${c.maintenanceWindow} (ElastiCache rule)` });
  }
  return problems;
}

function prodProblems(c: CacheConfig): ConfigProblem[] {
  const required: Array<[keyof CacheConfig, string]> = [
    ["automaticFailover", "a failed primary must fail over in prod"],
    ["multiAz", "Multi-AZ is mandatory in prod"],
    ["finalSnapshot", "a final snapshot is mandatory in prod"],
    ["protect", "stateful resources in prod are protected"],
  ];
  const problems: ConfigProblem[] = required
    .filter(([k]) => c[k] !== true)
    .map(([k, why]) => ({ key: `${KEY}.${k}`, value: c[k], allowed: `true when profile is prod: ${why}` }));
  if (c.snapshotRetentionDays < 7) {
    problems.push({ key: `${KEY}.snapshotRetentionDays`, value: c.snapshotRetentionDays, allowed: "at least 7 when profile is prod" });
  }
  return problems;
}

export function cacheRules(c: { profile?: Profile; cache?: CacheConfig }): ConfigProblem[] {
  const cache = c.cache;
  if (!cache?.enabled) return [];
  const problems: ConfigProblem[] = [];
  const version = cacheVersionProblem(cache.engine, cache.engineVersion);
  if (version) problems.push({ key: `${KEY}.engineVersion`, value: cache.engineVersion, allowed: version.allowed, suggestions: version.suggestions });
  if (cache.snapshotRetentionDays < 1) {
    problems.push({ key: `${KEY}.snapshotRetentionDays`, value: cache.snapshotRetentionDays, allowed: "at least 1: automatic backups stay on in every stack (FSBP ElastiCache.1)" });
  }
  problems.push(...topologyProblems(cache), ...windowProblems(cache));
  if (c.profile === "prod") problems.push(...prodProblems(cache));
  return problems;
}
