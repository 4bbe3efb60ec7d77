/**
 * ElastiCache (Valkey or Redis OSS) rules the program mirrors. Pure; no Pulumi imports.
 */
import type { ValueProblem } from "../aws/checks";
import type { Sourced } from "../aws/sourced";
import { ComponentArgsError } from "../errors";
import { didYouMean } from "../suggest";

export type CacheEngine = "valkey" | "redis";

/**
 * Engine versions the platform runs, and their parameter group family. Valkey 7.2 shares Redis OSS
 * 7's parameters; Valkey 8.x uses valkey8; 9.x uses valkey9. Redis OSS stops at 7.1 on ElastiCache;
 * the older Redis OSS versions it still offers (4.0 to 6.2) are not offered here. Each is in the
 * snapshot of cfn-lint's data (aws/facts.ts cacheEngineVersions) or in CACHE_VERSIONS_SINCE_SNAPSHOT
 * (cacheEngine.spec.ts checks).
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ParameterGroups.Engine.html
 */
export const CACHE_VERSIONS: Readonly<Record<CacheEngine, Readonly<Record<string, string>>>> = {
  valkey: { "7.2": "valkey7", "8.0": "valkey8", "8.1": "valkey8", "8.2": "valkey8", "9.0": "valkey9", "9.1": "valkey9" },
  redis: { "7.0": "redis7", "7.1": "redis7" },
};

/** Versions AWS published after the snapshot of cfn-lint's data, with where they were read. */
export const CACHE_VERSIONS_SINCE_SNAPSHOT: Readonly<Record<CacheEngine, Readonly<Record<string, Sourced>>>> = {
  valkey: {
    "9.1": {
      source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html", checked: "2026-12-06", sourceKind: "aws-doc",
      note: "Section \"ElastiCache version 9.1 for Valkey\" (read in the stored translated copies, newer than the English ones). Its parameter group family is valkey9: ParameterGroups.Engine lists \"Valkey 9.1 and Valkey 9.0 parameter changes\" as one section.",
    },
  },
  redis: {},
};

export const CACHE_PORT = 6379;

export function cacheFamily(engine: CacheEngine, version: string): string {
  const family = CACHE_VERSIONS[engine][version];
  if (!family) throw new ComponentArgsError(`${engine} ${version} is not a supported ElastiCache engine version`);
  return family;
}

export function cacheVersionProblem(engine: CacheEngine, version: string): ValueProblem | undefined {
  if (CACHE_VERSIONS[engine][version]) return undefined;
  const offered = Object.keys(CACHE_VERSIONS[engine]);
  return { allowed: `a ${engine} version ElastiCache offers and the platform runs: ${offered.join(", ")}`, suggestions: didYouMean(version, offered) };
}

/**
 * AUTH token alphabet: 16 to 128 printable ASCII characters; the only special characters allowed
 * are ! & # $ ^ < > - (so no space, '/', '"' or '@').
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html
 */
export const AUTH_TOKEN_SPECIALS = "!&#$^<>-";
export const AUTH_TOKEN_LENGTH = 64;

export function isValidAuthToken(token: string): boolean {
  return token.length >= 16 && token.length <= 128 && /^[A-Za-z0-9!&#$^<>-]+$/.test(token);
}

export interface CacheShape {
  clusterMode: boolean;
  shards: number;
  replicasPerShard: number;
}

/** Nodes the replication group runs: shards × (1 primary + replicas). */
export function nodeCount(shape: CacheShape): number {
  return shape.shards * (1 + shape.replicasPerShard);
}

/**
 * The custom parameter group: cluster mode must match the group's topology, and commands slower
 * than the threshold (microseconds) go to the slow log, which is delivered to CloudWatch.
 */
export function cacheParameters(clusterMode: boolean, slowLogMicros: number): { name: string; value: string }[] {
  return [
    { name: "cluster-enabled", value: clusterMode ? "yes" : "no" },
    { name: "slowlog-log-slower-than", value: String(slowLogMicros) },
  ];
}

/**
 * AZ of each node of a group without cluster mode, primary first: node i goes to AZ i mod n, so a
 * replica never shares its primary's AZ while there are AZs to spare.
 */
export function cacheNodeAzs(azs: readonly string[], nodes: number): string[] {
  return Array.from({ length: nodes }, (_, i) => azs[i % azs.length]);
}
