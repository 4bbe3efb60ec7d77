/**
 * RDS for PostgreSQL rules the program mirrors, so a bad value fails in the plan instead of on AWS.
 * Pure; no Pulumi imports.
 */
import type { ValueProblem } from "../aws/checks";
import { postgresMinorVersions, snapshotCitation } from "../aws/facts";
import { ComponentArgsError } from "../errors";
import { didYouMean } from "../suggest";

/**
 * Major versions this platform creates, with the oldest minor it accepts. RDS's own list of minors
 * comes from the snapshot of cfn-lint's data (aws/facts.ts); the floor is stricter where RDS stopped
 * creating instances on a minor after that snapshot: 17.1 to 17.4 reached end of standard support on
 * 2026-05-31 and cannot be created since 2026-05-01 (an AWS Health notice, read as a third party
 * quotes it: https://github.com/saayam-for-all/database/wiki/AWS-RDS-instances-%E2%80%90-Health-Checks,
 * checked 2026-12-06). 18.1 is the first RDS release of 18. Older majors (16 and below) are not
 * offered: a new system starts on a current major. Release calendar:
 * https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html
 */
export const POSTGRES_VERSIONS: Readonly<Record<string, { minMinor: number }>> = {
  "17": { minMinor: 5 },
  "18": { minMinor: 1 },
};

/** The minors of `major` a new instance may pin: RDS offers them (snapshot) and they are at the floor or above. */
export function postgresMinors(major: string): string[] {
  const floor = POSTGRES_VERSIONS[major]?.minMinor;
  return floor === undefined ? [] : postgresMinorVersions(major).filter((v) => Number(v.split(".")[1]) >= floor);
}

/** PostgreSQL listens on 5432 unless told otherwise; the platform keeps the default. */
export const POSTGRES_PORT = 5432;

/** Logs RDS for PostgreSQL can export to CloudWatch Logs (EnableCloudwatchLogsExports). */
export const POSTGRES_LOG_EXPORTS = ["postgresql", "upgrade"] as const;

/**
 * Why a version is not accepted, or undefined when RDS accepts it. "17" picks the newest 17.x
 * (RDS accepts a major-only version when auto minor version upgrade is on); "17.7" pins a minor,
 * which must be one RDS offers (snapshot of cfn-lint's data) at or above the floor.
 */
export function postgresVersionProblem(version: string): ValueProblem | undefined {
  const majors = Object.keys(POSTGRES_VERSIONS).filter((m) => postgresMinors(m).length > 0);
  if (majors.includes(version) || majors.some((m) => postgresMinors(m).includes(version))) return undefined;
  const ranges = majors.map((m) => { const minors = postgresMinors(m); return `${minors[0]} to ${minors[minors.length - 1]}`; });
  return {
    allowed: `a PostgreSQL major (${majors.join(" or ")}: the newest minor, kept current) or a minor RDS creates instances on: ${ranges.join(", ")} (${snapshotCitation()})`,
    suggestions: didYouMean(version, [...majors, ...majors.flatMap(postgresMinors)]),
  };
}

/** DB parameter group family of a version: "17.7" -> "postgres17". */
export function postgresFamily(version: string): string {
  return `postgres${version.split(".")[0]}`;
}

/**
 * Performance Insights retention RDS accepts: 7 (the free tier), 31 × months for 1 to 23 months,
 * or 731. https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 * (PerformanceInsightsRetentionPeriod)
 */
export function isPerformanceInsightsRetention(days: number): boolean {
  return days === 7 || days === 731 || (Number.isInteger(days) && days % 31 === 0 && days / 31 >= 1 && days / 31 <= 23);
}

export const PERFORMANCE_INSIGHTS_RETENTION_RULE = "7, 731, or 31 × months for 1 to 23 months (31, 62, 93 ... 713)";

/**
 * RDS storage autoscaling: the maximum must be at least 10% above the allocated storage.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html
 */
export function minMaxAllocatedStorage(allocatedGiB: number): number {
  // Integer arithmetic: 100 * 1.1 is 110.00000000000001 in floating point.
  return Math.ceil((allocatedGiB * 11) / 10);
}

/**
 * DB instance identifiers: 1 to 63 letters, digits or hyphens, starting with a letter, no double
 * hyphen, no trailing hyphen. The platform names them explicitly (not auto-named) so the CloudWatch
 * log groups RDS exports to can be created, encrypted, before the instance.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.Constraints
 */
export const DB_IDENTIFIER_LIMIT = 63;

export function dbIdentifier(component: string, replica?: number): string {
  const id = replica === undefined ? component : `${component}-replica-${replica}`;
  if (!/^[a-z][a-z0-9-]*$/.test(id) || id.includes("--") || id.endsWith("-") || id.length > DB_IDENTIFIER_LIMIT) {
    throw new ComponentArgsError(`"${id}" is not a valid DB instance identifier (a-z, 0-9, '-', starting with a letter, at most ${DB_IDENTIFIER_LIMIT} characters)`);
  }
  return id;
}

/** The log group RDS writes an exported log to; it must exist before the instance to be ours. */
export function rdsLogGroupName(identifier: string, log: string): string {
  return `/aws/rds/instance/${identifier}/${log}`;
}

/**
 * AZ of each read replica. A Single-AZ primary is pinned to the first AZ and its replicas go round
 * the others, so no replica shares the primary's AZ. A Multi-AZ primary cannot be pinned (RDS
 * chooses both AZs), so replicas go round the AZs after the first, spreading them as wide as the
 * stack allows.
 */
export function replicaAzs(azs: readonly string[], replicas: number): string[] {
  if (azs.length < 2) throw new ComponentArgsError("read replicas need at least two AZs");
  const others = azs.slice(1);
  return Array.from({ length: replicas }, (_, i) => others[i % others.length]);
}

/**
 * The custom parameter group: TLS forced on every connection, and statements slower than the
 * threshold logged (then exported to CloudWatch with the postgresql log).
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html
 */
export function postgresParameters(slowQueryMs: number): { name: string; value: string }[] {
  return [
    { name: "rds.force_ssl", value: "1" },
    { name: "log_min_duration_statement", value: String(slowQueryMs) },
  ];
}

/** GiB of memory per vCPU of an RDS instance family (the letters before the generation digit). */
const GIB_PER_VCPU: Readonly<Record<string, number>> = { m: 4, r: 8, x: 16, z: 8 };
/** GiB of memory of burstable (db.t*) sizes. */
const BURSTABLE_GIB: Readonly<Record<string, number>> = { micro: 1, small: 2, medium: 4, large: 8, xlarge: 16, "2xlarge": 32 };

/** vCPUs of a non-burstable size: large 2, xlarge 4, <n>xlarge 4n. */
function vcpus(size: string): number | undefined {
  if (size === "large") return 2;
  const m = /^(\d*)xlarge$/.exec(size);
  return m ? 4 * Number(m[1] || 1) : undefined;
}

/**
 * RDS for PostgreSQL's default max_connections, LEAST({DBInstanceClassMemory/9531392}, 5000), from
 * the instance class's memory. DBInstanceClassMemory is the memory less what the OS and RDS reserve,
 * so the real value is somewhat lower and the alarm's percentage somewhat conservative in the wrong
 * direction; set max_connections in the parameter group to make it exact. Undefined for a class
 * whose memory this table does not know (db.serverless, db.c*).
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.MaxConnections
 */
export function defaultMaxConnections(instanceClass: string): number | undefined {
  const [, family = "", size = ""] = instanceClass.split(".");
  const letter = family.charAt(0);
  const cpus = vcpus(size);
  const gib = letter === "t" ? BURSTABLE_GIB[size] : cpus !== undefined && GIB_PER_VCPU[letter] !== undefined ? cpus * GIB_PER_VCPU[letter] : undefined;
  return gib === undefined ? undefined : Math.min(Math.floor((gib * 1024 ** 3) / 9531392), 5000);
}
