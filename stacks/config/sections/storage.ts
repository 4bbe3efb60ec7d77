/**
 * `platform:storage`: S3 buckets (with their lifecycle and replication), the optional EFS file
 * system and the AWS Backup plan.
 */
import { z } from "zod";
import { BUCKET_PURPOSES, LIFECYCLE_PRESETS, STORAGE_CLASSES, lifecycleProblems } from "../../../components/storage/lifecycle";
import { bucketName, bucketNameProblem, maxBucketConfigNameLength } from "../../../components/storage/naming";
import { EFS_IA_TRANSITIONS, FILE_SYSTEM_DEFAULTS, STORAGE_PRESETS } from "../../../components/storage/presets";
import type { ConfigProblem } from "../problems";
import type { ServiceConfig } from "./services";
import { Profile, REGION_PATTERN, mapProfiles } from "../values";


const days = (max: number) => z.number().int().min(1).max(max);

const bucketSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, "2 to 32 characters of a-z, 0-9 and '-', starting with a letter")
    .describe("Short name services use (services[].buckets[].name); the physical name is <platform:name>-<profile>-<this>-<account>-<region>, at most 63 characters."),
  purpose: z.enum(BUCKET_PURPOSES).describe(`What the bucket holds; selects its lifecycle preset. Exactly one bucket has purpose logs: it receives every other bucket's access logs and the edge tier's ALB and CloudFront logs. Allowed: ${BUCKET_PURPOSES.join(", ")}.`),
  critical: z.boolean().optional().describe("Replicate to platform:storage.replication.region when replication is enabled. Default: false. Not allowed on the logs bucket."),
  lifecycle: z.strictObject({
    transitions: z.array(z.strictObject({
      days: z.number().int().min(0).max(36500).describe("Days after creation. Standard-IA and One Zone-IA need at least 30 (AWS rule)."),
      storageClass: z.enum(STORAGE_CLASSES).describe(`Target class: ${STORAGE_CLASSES.join(", ")}.`),
    })).describe("Transitions in order of days, each to a colder class (the S3 waterfall)."),
    expirationDays: days(36500).optional().describe("Days after creation when the current version expires; after the last transition."),
  }).optional().describe("Overrides the purpose's preset (documents: Standard-IA 30, Glacier 90, Deep Archive 365; logs and ml-artifacts: Intelligent-Tiering; backups: Glacier IR 30, Deep Archive 180; archive: Deep Archive; static-assets: none)."),
});

export const storageSchema = z.strictObject({
  buckets: z.array(bucketSchema).describe("The system's buckets. Each is KMS-encrypted (the logs bucket: SSE-S3, the only encryption its log deliveries support), versioned, private, TLS-only and access-logged."),
  noncurrentVersionExpirationDays: days(3650).describe("Days a replaced or deleted object version is kept before S3 deletes it."),
  protect: z.boolean().describe("Pulumi `protect` on buckets, the file system and backup vaults, so `pulumi destroy` refuses to delete them. Required in prod."),
  replication: z.strictObject({
    enabled: z.boolean().describe("Copy critical buckets and every backup to a second region."),
    region: z.string().regex(REGION_PATTERN, "an AWS region name such as us-east-2").optional().describe("The second region; required when enabled, and different from aws:region."),
  }),
  efs: z.strictObject({
    enabled: z.boolean().describe("An encrypted EFS file system for stateful containers (the ECS variant's vector database)."),
    throughputMode: z.enum(["elastic", "bursting"]).describe("elastic: pay per use, scales instantly (AWS's recommendation); bursting: throughput grows with size."),
    transitionToIa: z.enum(EFS_IA_TRANSITIONS).describe("Days without access before a file moves to EFS Infrequent Access."),
    accessPoints: z.array(z.strictObject({
      name: z.string().regex(/^[a-z][a-z0-9-]{0,61}[a-z0-9]$/, "a lowercase DNS label").describe("Access point name; services[].volumes[].name mounts it."),
      path: z.string().regex(/^(\/[A-Za-z0-9._-]+)+$/, "an absolute path below /, such as /qdrant").describe("Root directory the access point confines clients to; created on first use."),
      uid: z.number().int().min(0).max(4294967295).describe("POSIX user id every request through the access point runs as; not 0 (root)."),
      gid: z.number().int().min(0).max(4294967295).describe("POSIX group id every request runs as; not 0 (root)."),
      permissions: z.string().regex(/^0?[0-7]{3}$/, "octal permissions such as 0750").describe("Mode of the root directory when EFS creates it."),
    })).describe("One access point per workload: a fixed POSIX identity and root directory."),
  }),
  backup: z.strictObject({
    dailyRetentionDays: days(36500).describe("Days each daily recovery point (RDS, EFS) is kept."),
    monthlyRetentionDays: days(36500).describe("Days each monthly recovery point is kept."),
  }),
});

export type StorageConfig = z.infer<typeof storageSchema>;
export type BucketConfig = z.infer<typeof bucketSchema>;

const efsOff: StorageConfig["efs"] = { enabled: false, ...FILE_SYSTEM_DEFAULTS, accessPoints: [] };
/** Every stack needs the log bucket; stack files list the system's other buckets. */
const logsOnly: BucketConfig[] = [{ name: "logs", purpose: "logs" }];

/**
 * The storage presets (components/storage/presets.ts) with the log bucket every stack needs and
 * neither replication nor EFS: the second region depends on the primary one, so no profile can
 * name it, and a prod stack turns replication on with its region.
 */
export const STORAGE_DEFAULTS: Record<Profile, StorageConfig> = mapProfiles((p) => ({
  buckets: logsOnly, ...STORAGE_PRESETS[p], replication: { enabled: false }, efs: efsOff,
}));

const KEY = "platform:storage";

function bucketProblems(s: StorageConfig, system: string | undefined, profile: Profile | undefined): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const logs = s.buckets.filter((b) => b.purpose === "logs");
  if (logs.length !== 1) problems.push({ key: `${KEY}.buckets`, value: s.buckets.map((b) => b.name), allowed: `exactly one bucket with purpose "logs" (found ${logs.length}): it is the access-log target of every other bucket` });
  const seen = new Map<string, number>();
  s.buckets.forEach((b, i) => {
    const at = `${KEY}.buckets[${i}]`;
    if (seen.has(b.name)) problems.push({ key: `${at}.name`, value: b.name, allowed: `a name not already used by buckets[${seen.get(b.name)}]` });
    seen.set(b.name, i);
    if (system && profile && b.name.length > maxBucketConfigNameLength(system, profile)) {
      const derived = bucketName({ system, profile, name: b.name, accountId: "<12-digit account>", region: "<region>" });
      problems.push({ key: `${at}.name`, value: b.name, allowed: `at most ${maxBucketConfigNameLength(system, profile)} characters: the derived name ${derived} must fit S3's 63 in any region (up to 14 characters)` });
    }
    const reserved = system && profile ? bucketNameProblem(bucketName({ system, profile, name: b.name, accountId: "000000000000", region: "us-east-1" })) : undefined;
    if (reserved && !reserved.includes("characters")) problems.push({ key: `${at}.name`, value: b.name, allowed: `a name whose derived bucket name S3 accepts: ${reserved}` });
    if (b.purpose === "logs" && b.critical) problems.push({ key: `${at}.critical`, value: true, allowed: "false for the logs bucket: access logs stay in their region, and the second region gets its own log bucket" });
    for (const p of lifecycleProblems(b.lifecycle ?? LIFECYCLE_PRESETS[b.purpose])) problems.push({ key: `${at}.lifecycle.${p.field}`, value: p.value, allowed: p.allowed });
  });
  return problems;
}

function efsProblems(s: StorageConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (s.efs.enabled && s.efs.accessPoints.length === 0) problems.push({ key: `${KEY}.efs.accessPoints`, value: [], allowed: "at least one access point when efs.enabled: clients mount through an access point with a fixed POSIX user" });
  const seen = new Set<string>();
  s.efs.accessPoints.forEach((a, i) => {
    if (seen.has(a.name)) problems.push({ key: `${KEY}.efs.accessPoints[${i}].name`, value: a.name, allowed: "a name not already used by another access point" });
    seen.add(a.name);
    // EFS asks for ClientRootAccess to enforce a root uid or gid, and nothing grants it (fileSystemPolicy.ts).
    // https://docs.aws.amazon.com/efs/latest/ug/enforce-identity-access-points.html
    for (const id of ["uid", "gid"] as const) {
      if (a[id] === 0) problems.push({ key: `${KEY}.efs.accessPoints[${i}].${id}`, value: 0, allowed: `a non-root ${id} (not 0): a root identity needs elasticfilesystem:ClientRootAccess, which no client is granted` });
    }
  });
  return problems;
}

/** Services may only name buckets and EFS access points this section defines. */
function serviceReferenceProblems(s: StorageConfig, services: ServiceConfig[]): ConfigProblem[] {
  const buckets = s.buckets.map((b) => b.name);
  const points = s.efs.accessPoints.map((a) => a.name);
  return services.flatMap((svc, i) => [
    ...svc.buckets.flatMap((b, j) => (buckets.includes(b.name) ? [] : [{ key: `platform:services[${i}].buckets[${j}].name`, value: b.name, allowed: `a bucket of platform:storage.buckets: ${buckets.join(", ")}` }])),
    ...svc.volumes.flatMap((v, j) => {
      if (!s.efs.enabled) return [{ key: `platform:services[${i}].volumes[${j}].source`, value: v.source, allowed: "a volume only when platform:storage.efs.enabled is true" }];
      return points.includes(v.name) ? [] : [{ key: `platform:services[${i}].volumes[${j}].name`, value: v.name, allowed: `an access point of platform:storage.efs.accessPoints: ${points.join(", ")}` }];
    }),
  ]);
}

export function storageRules(c: { profile?: Profile; name?: string; storage?: StorageConfig; services?: ServiceConfig[] }): ConfigProblem[] {
  const s = c.storage;
  if (!s) return [];
  const problems = [...bucketProblems(s, c.name, c.profile), ...efsProblems(s), ...serviceReferenceProblems(s, c.services ?? [])];
  if (s.replication.enabled && !s.replication.region) {
    problems.push({ key: `${KEY}.replication.region`, value: undefined, allowed: "a second region such as us-east-2 when replication.enabled is true" });
  }
  if (c.profile === "prod" && !s.protect) problems.push({ key: `${KEY}.protect`, value: false, allowed: "true when profile is prod: stateful resources in prod are protected" });
  return problems;
}
