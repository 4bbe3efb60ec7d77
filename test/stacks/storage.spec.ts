/**
 * The storage tier as the dev and prod stacks build it, asserted property by property, and the EFS
 * variant (the ECS system's vector database) from an inline config.
 */
import { strict as assert } from "node:assert";
import type { RecordedResource } from "../../offline/recorder";
import { readStackFile } from "../../offline/stackFile";
import { Planned, ROOT, byUrn, mandatory, ofType, one, planConfig, planStackFile } from "../helpers";
import { join } from "node:path";

const S3 = "aws:s3/";
const NAMES = ["documents", "static-assets", "ml-artifacts", "logs", "backups"];
const ACCOUNT = "123456789012";

const setting = (p: Planned, type: string, bucket: string) => ofType(p, `${S3}${type}`).filter((r) => r.inputs.bucket === bucket);
const only = (rs: RecordedResource[]) => {
  assert.equal(rs.length, 1, `expected one, got ${rs.map((r) => r.name).join(", ")}`);
  return rs[0];
};
const primaryBuckets = (p: Planned) => ofType(p, `${S3}bucket:Bucket`).filter((b) => b.outputs.region === "us-west-2");

for (const stack of ["dev", "prod"] as const) {
  describe(`storage tier (${stack})`, () => {
    let p: Planned;
    const name = (n: string, region = "us-west-2") => `medsearch-${stack}-${n}-${ACCOUNT}-${region}`;
    before(async () => {
      p = await planStackFile(`Pulumi.${stack}.yaml`);
      assert.equal(p.error, undefined, p.error?.message);
    });

    it("plans with zero mandatory policy violations", () => {
      assert.deepEqual(mandatory(p), []);
    });

    it("creates the five reference buckets with derived, globally unique names within 63 characters", () => {
      assert.deepEqual(primaryBuckets(p).map((b) => b.inputs.bucket).sort(), NAMES.map((n) => name(n)).sort());
      for (const b of ofType(p, `${S3}bucket:Bucket`)) assert.ok(b.inputs.bucket.length <= 63, b.inputs.bucket);
    });

    it("encrypts every bucket with the data key and a Bucket Key, except the log bucket, which uses SSE-S3 for log delivery", () => {
      const dataKey = one(p, "aws:kms/key:Key", "medsearch-keys-data").outputs.arn;
      for (const n of NAMES) {
        const [rule] = only(setting(p, "bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name(n))).inputs.rules;
        if (n === "logs") assert.deepEqual(rule, { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } });
        else assert.deepEqual(rule, { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: dataKey }, bucketKeyEnabled: true });
      }
    });

    it(`versions every bucket and expires noncurrent versions after ${stack === "prod" ? 90 : 7} days`, () => {
      for (const n of NAMES) {
        assert.equal(only(setting(p, "bucketVersioning:BucketVersioning", name(n))).inputs.versioningConfiguration.status, "Enabled");
        const [rule] = only(setting(p, "bucketLifecycleConfiguration:BucketLifecycleConfiguration", name(n))).inputs.rules;
        assert.deepEqual(rule.noncurrentVersionExpiration, { noncurrentDays: stack === "prod" ? 90 : 7 });
        assert.equal(rule.status, "Enabled");
      }
    });

    it("moves documents to Standard-IA at 30 days, Glacier at 90 and Deep Archive at 365, and logs to Intelligent-Tiering", () => {
      const transitions = (n: string) => only(setting(p, "bucketLifecycleConfiguration:BucketLifecycleConfiguration", name(n))).inputs.rules[0].transitions;
      assert.deepEqual(transitions("documents"), [{ days: 30, storageClass: "STANDARD_IA" }, { days: 90, storageClass: "GLACIER" }, { days: 365, storageClass: "DEEP_ARCHIVE" }]);
      assert.deepEqual(transitions("logs"), [{ days: 0, storageClass: "INTELLIGENT_TIERING" }]);
    });

    it("blocks all public access and disables ACLs on every bucket", () => {
      for (const n of NAMES) {
        const pab = only(setting(p, "bucketPublicAccessBlock:BucketPublicAccessBlock", name(n))).inputs;
        assert.deepEqual([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets], [true, true, true, true]);
        assert.equal(only(setting(p, "bucketOwnershipControls:BucketOwnershipControls", name(n))).inputs.rule.objectOwnership, "BucketOwnerEnforced");
      }
      assert.deepEqual(ofType(p, `${S3}bucketAcl:BucketAcl`), []);
    });

    it("denies non-TLS requests in every bucket policy", () => {
      for (const n of NAMES) {
        const doc = JSON.parse(only(setting(p, "bucketPolicy:BucketPolicy", name(n))).inputs.policy);
        assert.deepEqual(doc.Statement[0], {
          Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
          Resource: [`arn:aws:s3:::${name(n)}`, `arn:aws:s3:::${name(n)}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
      }
    });

    it("sends every bucket's access logs to the log bucket under s3-access/<name>/, and the log bucket logs nothing", () => {
      for (const n of NAMES.filter((x) => x !== "logs")) {
        const l = only(setting(p, "bucketLogging:BucketLogging", name(n))).inputs;
        assert.deepEqual([l.targetBucket, l.targetPrefix], [name("logs"), `s3-access/${n}/`]);
      }
      assert.deepEqual(setting(p, "bucketLogging:BucketLogging", name("logs")), []);
    });

    it("admits S3 access logs from these buckets, ALB logs from us-west-2's ELB account and vended CloudFront logs to the log bucket", () => {
      const doc = JSON.parse(only(setting(p, "bucketPolicy:BucketPolicy", name("logs"))).inputs.policy);
      const sid = (s: string) => doc.Statement.find((x: any) => x.Sid === s);
      assert.deepEqual(sid("S3ServerAccessLogs").Condition.ArnLike["aws:SourceArn"].sort(), NAMES.filter((n) => n !== "logs").map((n) => `arn:aws:s3:::${name(n)}`).sort());
      assert.deepEqual(sid("S3ServerAccessLogs").Condition.StringEquals, { "aws:SourceAccount": ACCOUNT });
      assert.deepEqual(sid("AlbAccessLogs").Principal, { AWS: "arn:aws:iam::797873946194:root" });
      assert.equal(sid("AlbAccessLogs").Resource, `arn:aws:s3:::${name("logs")}/alb/AWSLogs/${ACCOUNT}/*`);
      assert.deepEqual(sid("VendedLogsWrite").Principal, { Service: "delivery.logs.amazonaws.com" });
    });

    it("exposes every bucket, keyed by config name, with its ARN and regional domain name", () => {
      const outputs = one(p, "platform:storage:Storage").outputs;
      assert.deepEqual(Object.keys(outputs.buckets).sort(), [...NAMES].sort());
      assert.deepEqual(outputs.buckets["static-assets"], {
        name: name("static-assets"), arn: `arn:aws:s3:::${name("static-assets")}`, regionalDomainName: `${name("static-assets")}.s3.us-west-2.amazonaws.com`,
      });
      assert.deepEqual(outputs.logsBucket, outputs.buckets.logs);
    });

    it(stack === "prod" ? "protects buckets and backup vaults from pulumi destroy" : "leaves dev buckets and vaults unprotected", () => {
      for (const r of [...ofType(p, `${S3}bucket:Bucket`), ...ofType(p, "aws:backup/vault:Vault")]) assert.equal(r.protect, stack === "prod", r.name);
    });

    it("keeps backups in a vault encrypted with the data key, daily and monthly, for the profile's retention", () => {
      const vault = one(p, "aws:backup/vault:Vault", "medsearch-storage-vault");
      assert.equal(vault.inputs.kmsKeyArn, one(p, "aws:kms/key:Key", "medsearch-keys-data").outputs.arn);
      const rules = one(p, "aws:backup/plan:Plan").inputs.rules;
      assert.deepEqual(rules.map((r: any) => [r.ruleName, r.targetVaultName, r.lifecycle.deleteAfter]), [
        ["daily", vault.outputs.name, stack === "prod" ? 35 : 7],
        ["monthly", vault.outputs.name, stack === "prod" ? 365 : 30],
      ]);
    });

    it("parents every storage resource to the Storage component", () => {
      for (const r of p.resources.filter((x) => x.type.startsWith(S3) || x.type.startsWith("aws:backup/"))) {
        assert.equal(byUrn(p, r.parent)?.type, "platform:storage:Storage", r.name);
      }
    });
  });
}

describe("storage tier: dev is cost first", () => {
  it("replicates nothing and copies no backups to a second region", async () => {
    const p = await planStackFile("Pulumi.dev.yaml");
    assert.deepEqual(ofType(p, `${S3}bucketReplicationConfig:BucketReplicationConfig`), []);
    // The only other provider is the edge's us-east-1 one (CloudFront); no replica region.
    assert.deepEqual(ofType(p, "pulumi:providers:aws").map((r) => r.name).sort(), ["medsearch", "medsearch-us-east-1"]);
    for (const r of one(p, "aws:backup/plan:Plan").inputs.rules) assert.equal(r.copyActions, undefined);
  });
});

describe("storage tier: prod copies critical data to us-east-2", () => {
  let p: Planned;
  const name = (n: string, region: string) => `medsearch-prod-${n}-${ACCOUNT}-${region}`;
  before(async () => {
    p = await planStackFile("Pulumi.prod.yaml");
  });

  it("replicates documents and backups, KMS objects included, to versioned replicas in us-east-2 encrypted with a key there", () => {
    const key = one(p, "aws:kms/key:Key", "medsearch-storage-replica-data");
    assert.equal(key.provider?.region, "us-east-2");
    assert.equal(key.inputs.enableKeyRotation, true);
    const configs = ofType(p, `${S3}bucketReplicationConfig:BucketReplicationConfig`);
    assert.deepEqual(configs.map((c) => c.inputs.bucket).sort(), [name("backups", "us-west-2"), name("documents", "us-west-2")]);
    for (const c of configs) {
      const [rule] = c.inputs.rules;
      const replica = rule.destination.bucket.replace("arn:aws:s3:::", "");
      assert.match(replica, /-us-east-2$/);
      assert.equal(rule.destination.encryptionConfiguration.replicaKmsKeyId, key.outputs.arn);
      assert.deepEqual(rule.sourceSelectionCriteria, { sseKmsEncryptedObjects: { status: "Enabled" } });
      assert.equal(c.inputs.role, one(p, "aws:iam/role:Role", "medsearch-storage-replication").outputs.arn);
      const replicaBucket = ofType(p, `${S3}bucket:Bucket`).find((b) => b.inputs.bucket === replica)!;
      assert.equal(replicaBucket.provider?.region, "us-east-2");
      assert.equal(only(setting(p, "bucketVersioning:BucketVersioning", replica)).inputs.versioningConfiguration.status, "Enabled");
      const [sse] = only(setting(p, "bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", replica)).inputs.rules;
      assert.equal(sse.applyServerSideEncryptionByDefault.kmsMasterKeyId, key.outputs.arn);
      // Replication needs versioning on both sides first.
      const versionings = [c.inputs.bucket, replica].map((b) => only(setting(p, "bucketVersioning:BucketVersioning", b)).urn);
      for (const v of versionings) assert.ok(c.dependencies.includes(v), `${c.name} does not wait for ${v}`);
    }
  });

  it("gives the replicas their own access-log bucket in us-east-2", () => {
    const logs = name("logs", "us-east-2");
    for (const n of ["documents", "backups"]) assert.equal(only(setting(p, "bucketLogging:BucketLogging", name(n, "us-east-2"))).inputs.targetBucket, logs);
  });

  it("lets only S3 of this account assume the replication role", () => {
    const trust = JSON.parse(one(p, "aws:iam/role:Role", "medsearch-storage-replication").inputs.assumeRolePolicy).Statement[0];
    assert.deepEqual([trust.Principal, trust.Condition.StringEquals], [{ Service: "s3.amazonaws.com" }, { "aws:SourceAccount": ACCOUNT }]);
  });

  it("copies every recovery point to a vault in us-east-2 encrypted with that region's key", () => {
    const copy = one(p, "aws:backup/vault:Vault", "medsearch-storage-vault-replica");
    assert.equal(copy.provider?.region, "us-east-2");
    assert.equal(copy.inputs.kmsKeyArn, one(p, "aws:kms/key:Key", "medsearch-storage-replica-data").outputs.arn);
    for (const r of one(p, "aws:backup/plan:Plan").inputs.rules) assert.equal(r.copyActions[0].destinationVaultArn, copy.outputs.arn);
  });

  it("gives the second region a provider with the stack's default tags", () => {
    const [main, replica] = ["medsearch", "medsearch-replica"].map((n) => one(p, "pulumi:providers:aws", n));
    assert.equal(replica.inputs.region, "us-east-2");
    assert.deepEqual(JSON.parse(replica.inputs.defaultTags), JSON.parse(main.inputs.defaultTags));
  });
});

describe("storage tier: the EFS variant (ECS vector database)", () => {
  let p: Planned;
  before(async () => {
    const config = readStackFile(join(ROOT, "Pulumi.dev.yaml"));
    const storage = JSON.parse(config["platform:storage"]);
    p = await planConfig("efs", {
      ...config,
      "platform:storage": JSON.stringify({ ...storage, efs: { enabled: true, accessPoints: [{ name: "qdrant", path: "/qdrant", uid: 1000, gid: 1000, permissions: "0750" }] } }),
      "platform:services": JSON.stringify([{
        name: "qdrant", namespace: "data", port: 6333, replicas: { min: 1, max: 1 }, cpu: 512, memory: 1024,
        volumes: [{ name: "qdrant", mountPath: "/qdrant/storage", source: "efs" }], buckets: [], secrets: [], queues: [],
      }]),
    });
    assert.equal(p.error, undefined, p.error?.message);
  });

  it("plans with zero mandatory policy violations", () => {
    assert.deepEqual(mandatory(p), []);
  });

  it("encrypts the file system with the data key, with automatic backups on", () => {
    const fs = one(p, "aws:efs/fileSystem:FileSystem");
    assert.deepEqual([fs.inputs.encrypted, fs.inputs.kmsKeyId], [true, one(p, "aws:kms/key:Key", "medsearch-keys-data").outputs.arn]);
    assert.deepEqual(one(p, "aws:efs/backupPolicy:BackupPolicy").inputs, { fileSystemId: fs.outputs.id, backupPolicy: { status: "ENABLED" } });
  });

  it("puts a mount target in each AZ's private subnet behind the EFS security group", () => {
    const targets = ofType(p, "aws:efs/mountTarget:MountTarget");
    const sg = one(p, "aws:ec2/securityGroup:SecurityGroup", "medsearch-storage-efs");
    assert.deepEqual(targets.map((t) => t.inputs.subnetId), p.outputs.privateSubnetIds);
    for (const t of targets) assert.deepEqual(t.inputs.securityGroups, [sg.outputs.id]);
    // NFS only from the cluster's nodes.
    assert.deepEqual(sg.inputs.egress, []);
    assert.deepEqual(sg.inputs.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.securityGroups, r.cidrBlocks ?? []]), [["tcp", 2049, 2049, [p.outputs.cluster.nodeSecurityGroupId], []]]);
  });

  it("confines the workload to its root directory as a fixed POSIX user", () => {
    const ap = one(p, "aws:efs/accessPoint:AccessPoint").inputs;
    assert.deepEqual(ap.posixUser, { uid: 1000, gid: 1000 });
    assert.deepEqual(ap.rootDirectory, { path: "/qdrant", creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "0750" } });
  });

  it("refuses plain NFS and any mount outside the access point, for every principal, granting nothing", () => {
    const fs = one(p, "aws:efs/fileSystem:FileSystem").outputs;
    const policy = one(p, "aws:efs/fileSystemPolicy:FileSystemPolicy", "medsearch-storage-efs-policy").inputs;
    assert.deepEqual([policy.fileSystemId, policy.bypassPolicyLockoutSafetyCheck], [fs.id, false]);
    assert.deepEqual(JSON.parse(policy.policy).Statement, [
      { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: fs.arn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
      {
        Sid: "DenyOutsideAccessPoints", Effect: "Deny", Principal: { AWS: "*" },
        Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"], Resource: fs.arn,
        Condition: { StringNotEquals: { "elasticfilesystem:AccessPointArn": [one(p, "aws:efs/accessPoint:AccessPoint").outputs.arn] } },
      },
    ]);
  });

  it("opens no mount target before the file system's policy is in place", () => {
    const policy = one(p, "aws:efs/fileSystemPolicy:FileSystemPolicy");
    for (const t of ofType(p, "aws:efs/mountTarget:MountTarget")) assert.ok(t.dependencies.includes(policy.urn), t.name);
  });

  it("puts the RDS primary and the file system in the backup plan", () => {
    const selection = one(p, "aws:backup/selection:Selection").inputs;
    assert.deepEqual(selection.resources, [one(p, "aws:rds/instance:Instance", "medsearch-database-primary").outputs.arn, one(p, "aws:efs/fileSystem:FileSystem").outputs.arn]);
    assert.equal(selection.planId, one(p, "aws:backup/plan:Plan").outputs.id);
  });
});
