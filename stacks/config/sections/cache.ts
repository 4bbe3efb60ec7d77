/**
 * `platform:cache`: the ElastiCache replication group (Valkey or Redis OSS). A stack without a cache
 * says so explicitly with `enabled: false`.
 */
import { z } from "zod";
import { CACHE_PRESETS, checkCacheSettings } from "../../../components/data/cacheSettings";
import { DAILY_WINDOW, WEEKLY_WINDOW } from "../../../components/data/windows";
import { ConfigProblem, underKey } from "../problems";
import { Profile, mapProfiles } from "../values";

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

/** The cache's presets (components/data/cacheSettings.ts) less the log and secret retention, which the stack takes from platform:logging and platform:keys. */
export const CACHE_DEFAULTS: Record<Profile, CacheConfig> = mapProfiles((p) => {
  const { logRetentionDays: _logs, secretRecoveryWindowDays: _secrets, ...cache } = CACHE_PRESETS[p];
  return { enabled: true, ...cache };
});

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
  const { enabled: _on, ...settings } = cache;
  // ElastiCache's own rules live beside the component, which checks them for direct callers too.
  const problems = underKey(KEY, checkCacheSettings(settings));
  if (c.profile === "prod") problems.push(...prodProblems(cache));
  return problems;
}
