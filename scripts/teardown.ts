/**
 * What tearing a stack down involves, read from its state (`pulumi stack export`): the stores AWS
 * refuses to delete while they hold data (versioned buckets, image repositories, backup vaults), the
 * deletion protection to turn off first, and what a teardown leaves behind or deletes for good
 * (final snapshots, retained backups, KMS keys pending deletion, secrets in their recovery window).
 * Pure; scripts/destroy.ts runs the commands.
 */

/** A resource as `pulumi stack export` writes it (deployment.resources[]). */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, any>;
  outputs?: Record<string, any>;
  protect?: boolean;
  /** "<provider urn>::<provider id>" */
  provider?: string;
}

export interface StackExport {
  deployment?: { resources?: StateResource[] };
}

/** A store that must be emptied before AWS deletes it, in the region its provider deploys to. */
export interface Store {
  name: string;
  region: string;
}

/** Deletion protection that stops `pulumi destroy`, turned off with the AWS CLI first. */
export interface Protection {
  kind: "rds-instance" | "eks-cluster" | "load-balancer";
  /** DB instance identifier, cluster name, or load balancer ARN. */
  id: string;
  region: string;
}

export interface TeardownPlan {
  buckets: Store[];
  repositories: Store[];
  vaults: Store[];
  deletionProtection: Protection[];
  /** Resources Pulumi refuses to delete until `pulumi state unprotect`. */
  protectedUrns: string[];
  /** One line each: what the teardown deletes for good. */
  deleted: string[];
  /** One line each: what stays in the account after it, and what it costs until it goes. */
  leftBehind: string[];
}

export const TYPES = {
  bucket: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
  repository: ["aws:ecr/repository:Repository"],
  vault: ["aws:backup/vault:Vault"],
  dbInstance: "aws:rds/instance:Instance",
  cacheGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  eksCluster: "aws:eks/cluster:Cluster",
  loadBalancer: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
  kmsKey: "aws:kms/key:Key",
  kmsAlias: "aws:kms/alias:Alias",
  secret: "aws:secretsmanager/secret:Secret",
  zone: "aws:route53/zone:Zone",
} as const;

/** The resources of an export, without the stack itself. */
export function stateResources(exported: StackExport): StateResource[] {
  return (exported.deployment?.resources ?? []).filter((r) => r.type !== "pulumi:pulumi:Stack");
}

/** The region a resource lives in: its provider's, else the stack's. */
export function regionOf(r: StateResource, all: readonly StateResource[], stackRegion: string): string {
  const providerUrn = r.provider?.split("::").slice(0, -1).join("::");
  const provider = all.find((p) => p.urn === providerUrn);
  return provider?.outputs?.region ?? provider?.inputs?.region ?? stackRegion;
}

const value = (r: StateResource, key: string): any => r.outputs?.[key] ?? r.inputs?.[key];
const is = (types: string | readonly string[], r: StateResource) => [types].flat().includes(r.type);

/** Names for KMS keys: their aliases where they have one. */
function keyNames(all: readonly StateResource[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of all.filter((r) => r.type === TYPES.kmsAlias)) names.set(String(value(a, "targetKeyId")), String(value(a, "name")));
  return names;
}

function dataLines(all: readonly StateResource[], region: (r: StateResource) => string): { deleted: string[]; leftBehind: string[] } {
  const deleted: string[] = [];
  const leftBehind: string[] = [];
  for (const r of all) {
    if (r.type === TYPES.dbInstance) {
      const id = value(r, "identifier") ?? r.id;
      deleted.push(`RDS instance ${id} (${region(r)}) and its data`);
      if (value(r, "skipFinalSnapshot") === false && value(r, "finalSnapshotIdentifier")) {
        leftBehind.push(`RDS final snapshot ${value(r, "finalSnapshotIdentifier")} of ${id}: kept until you delete it, billed per GB-month as RDS backup storage (no free allowance once no database is left in the Region)`);
      }
      if (value(r, "deleteAutomatedBackups") === false && Number(value(r, "backupRetentionPeriod") ?? 1) > 0) {
        leftBehind.push(`RDS retained automated backups of ${id}: kept for their retention period (${value(r, "backupRetentionPeriod") ?? "its"} days), billed as backup storage`);
      }
    } else if (r.type === TYPES.cacheGroup) {
      deleted.push(`ElastiCache replication group ${value(r, "replicationGroupId") ?? r.id} (${region(r)}) and its data`);
      if (value(r, "finalSnapshotIdentifier")) leftBehind.push(`ElastiCache final snapshot ${value(r, "finalSnapshotIdentifier")}: kept until you delete it, billed as backup storage per GB-month`);
    } else if (r.type === TYPES.secret) {
      const days = value(r, "recoveryWindowInDays") ?? 30;
      leftBehind.push(`Secrets Manager secret ${value(r, "name") ?? r.id}: pending deletion for ${days} days (\`aws secretsmanager restore-secret\` brings it back)`);
    } else if (r.type === TYPES.zone) {
      deleted.push(`Route 53 hosted zone ${value(r, "name")}: the domain stops resolving; remove its delegation at the registrar`);
    }
  }
  return { deleted, leftBehind };
}

function keyLines(all: readonly StateResource[], region: (r: StateResource) => string): string[] {
  const names = keyNames(all);
  return all.filter((r) => r.type === TYPES.kmsKey).map((k) => {
    const id = String(value(k, "keyId") ?? k.id);
    const days = value(k, "deletionWindowInDays") ?? 30;
    return `KMS key ${names.get(id) ?? id} (${id}, ${region(k)}): pending deletion for ${days} days (not billed while pending); \`aws kms cancel-key-deletion --key-id ${id} --region ${region(k)}\` restores it. Once it is deleted, every snapshot and backup encrypted with it can never be read`;
  });
}

export function teardownPlan(exported: StackExport, stackRegion: string): TeardownPlan {
  const all = stateResources(exported);
  const region = (r: StateResource) => regionOf(r, all, stackRegion);
  const store = (r: StateResource, key: string): Store => ({ name: String(value(r, key) ?? r.id), region: region(r) });
  const buckets = all.filter((r) => is(TYPES.bucket, r)).map((r) => store(r, "bucket"));
  const repositories = all.filter((r) => is(TYPES.repository, r)).map((r) => store(r, "name"));
  const vaults = all.filter((r) => is(TYPES.vault, r)).map((r) => store(r, "name"));
  const deletionProtection: Protection[] = [
    ...all.filter((r) => r.type === TYPES.dbInstance && value(r, "deletionProtection") === true).map((r): Protection => ({ kind: "rds-instance", id: String(value(r, "identifier") ?? r.id), region: region(r) })),
    ...all.filter((r) => r.type === TYPES.eksCluster && value(r, "deletionProtection") === true).map((r): Protection => ({ kind: "eks-cluster", id: String(value(r, "name") ?? r.id), region: region(r) })),
    ...all.filter((r) => is(TYPES.loadBalancer, r) && value(r, "enableDeletionProtection") === true).map((r): Protection => ({ kind: "load-balancer", id: String(value(r, "arn") ?? r.id), region: region(r) })),
  ];
  const data = dataLines(all, region);
  return {
    buckets, repositories, vaults, deletionProtection,
    protectedUrns: all.filter((r) => r.protect === true).map((r) => r.urn),
    deleted: [
      ...buckets.map((b) => `S3 bucket ${b.name} (${b.region}): every object version and delete marker, then the bucket`),
      ...repositories.map((r) => `ECR repository ${r.name} (${r.region}): every image, then the repository`),
      ...vaults.map((v) => `AWS Backup vault ${v.name} (${v.region}): every recovery point, then the vault`),
      ...data.deleted,
    ],
    leftBehind: [...data.leftBehind, ...keyLines(all, region)],
  };
}

/** The plan as the text printed before anything is deleted. */
export function renderPlan(stack: string, plan: TeardownPlan): string[] {
  const list = (items: string[]) => (items.length === 0 ? ["  (none)"] : items.map((i) => `  - ${i}`));
  const protection = plan.deletionProtection.map((p) => `${p.kind} ${p.id} (${p.region})`);
  return [
    `Teardown of stack ${stack}. Deleted for good:`,
    ...list(plan.deleted),
    "Left behind (and billed until it goes):",
    ...list(plan.leftBehind),
    ...(plan.protectedUrns.length > 0 ? [`${plan.protectedUrns.length} resources are protected in Pulumi state; they are unprotected only after confirmation.`] : []),
    ...(protection.length > 0 ? [`Deletion protection turned off first: ${protection.join(", ")}.`] : []),
  ];
}
