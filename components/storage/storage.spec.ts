import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { runComponent } from "../../offline/runStack";
import { Storage, StorageArgs } from "./storage";

const RDS_ARN = "arn:aws:rds:us-west-2:123456789012:db:medsearch-db";

function args(o: Partial<StorageArgs> = {}): StorageArgs {
  return {
    system: "medsearch",
    profile: "dev",
    account: { accountId: "123456789012", partition: "aws", region: "us-west-2" },
    buckets: [{ name: "logs", purpose: "logs" }, { name: "documents", purpose: "documents", critical: true }],
    noncurrentVersionExpirationDays: 7,
    protect: false,
    keys: { data: "arn:aws:kms:us-west-2:123456789012:key/data" },
    backup: { dailyRetentionDays: 7, monthlyRetentionDays: 30 },
    backupResourceArns: [RDS_ARN],
    ...o,
  };
}

const efs = {
  vpcId: "vpc-0123456789abcdef0",
  privateSubnetIds: ["subnet-a", "subnet-b"],
  availabilityZones: ["us-west-2a", "us-west-2b"],
  clientSecurityGroupIds: ["sg-0cluster0000000000"],
  throughputMode: "elastic" as const,
  transitionToIa: "AFTER_30_DAYS" as const,
  accessPoints: [{ name: "qdrant", path: "/qdrant", uid: 1000, gid: 1000, permissions: "0750" }],
};

describe("Storage component", () => {
  it("admits NFS only from the cluster's security groups and backs up the RDS instance and the file system", async () => {
    const run = await runComponent(async () => {
      new Storage("s", args({ efs }));
    });
    assert.equal(run.error, undefined, run.error?.message);
    const sg = run.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!;
    assert.deepEqual(sg.inputs.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.securityGroups, r.cidrBlocks]), [["tcp", 2049, 2049, ["sg-0cluster0000000000"], undefined]]);
    const fs = run.resources.find((r) => r.type === "aws:efs/fileSystem:FileSystem")!;
    const selection = run.resources.find((r) => r.type === "aws:backup/selection:Selection")!;
    assert.deepEqual(selection.inputs.resources, [RDS_ARN, fs.outputs.arn]);
    const role = run.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "s-backup")!;
    assert.equal(selection.inputs.iamRoleArn, role.outputs.arn);
    assert.deepEqual(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal, { Service: "backup.amazonaws.com" });
    assert.deepEqual(run.resources.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((r) => r.inputs.policyArn).sort(), [
      "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
      "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
    ]);
  });

  it("makes no backup selection while there is nothing to protect", async () => {
    const run = await runComponent(async () => {
      new Storage("s", args({ backupResourceArns: [] }));
    });
    assert.equal(run.error, undefined, run.error?.message);
    assert.equal(run.resources.filter((r) => r.type === "aws:backup/selection:Selection").length, 0);
    assert.equal(run.resources.filter((r) => r.type === "aws:backup/plan:Plan").length, 1);
  });

  const rejected: Array<[string, Partial<StorageArgs> | ((p: aws.Provider) => Partial<StorageArgs>), RegExp]> = [
    ["a second region equal to the first", (provider) => ({ replication: { region: "us-west-2", provider, keyDeletionWindowDays: 7, keyProtect: false } }), /^s: replication.region: got "us-west-2"; allowed: a region other than the component's own \(us-west-2\)/],
    ["a derived bucket name over 63 characters", { buckets: [{ name: "logs", purpose: "logs" }, { name: "a-very-long-bucket-purpose-name", purpose: "archive" }] }, /buckets\[1\].name: got "a-very-long-bucket-purpose-name"; allowed: a name whose derived bucket name S3 accepts; "medsearch-dev-a-very-long-bucket-purpose-name-123456789012-us-west-2" is not: 68 characters/],
    ["lifecycle transitions S3 rejects", { buckets: [{ name: "logs", purpose: "logs", lifecycle: { transitions: [{ days: 1, storageClass: "STANDARD_IA" }] } }] }, /buckets\[0\].lifecycle.transitions\[0\].days: got 1; allowed: at least 30/],
    ["two log buckets", { buckets: [{ name: "logs", purpose: "logs" }, { name: "old-logs", purpose: "logs" }] }, /buckets: got \["logs","old-logs"\]; allowed: at most one bucket with purpose "logs"/],
    ["two buckets of one name", { buckets: [{ name: "logs", purpose: "logs" }, { name: "logs", purpose: "documents" }] }, /buckets\[1\].name: got "logs"; allowed: a name not already used by buckets\[0\]/],
  ];
  for (const [what, o, message] of rejected) {
    it(`rejects ${what} before creating anything`, async () => {
      const run = await runComponent(async () => {
        const provider = new aws.Provider("second", { region: "us-east-2" });
        new Storage("s", args(typeof o === "function" ? o(provider) : o));
      });
      assert.match(run.error?.message ?? "", message);
      assert.deepEqual(run.resources.filter((r) => r.type.startsWith("aws:s3/")), []);
    });
  }
  it("appends other tiers' delivery statements to the log bucket's policy only, given its derived ARN", async () => {
    const seen: string[] = [];
    const run = await runComponent(async () => {
      new Storage("s", args({
        logBucketStatements: (arn) => {
          seen.push(arn);
          return [{ Sid: "TrailWrite", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: `${arn}/cloudtrail/*` }];
        },
      }));
    });
    assert.equal(run.error, undefined, run.error?.message);
    assert.deepEqual(seen, ["arn:aws:s3:::medsearch-dev-logs-123456789012-us-west-2"]);
    const sids = (bucket: string) => JSON.parse(run.resources.find((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy" && r.inputs.bucket === bucket)!.inputs.policy).Statement.map((x: any) => x.Sid);
    assert.equal(sids("medsearch-dev-logs-123456789012-us-west-2").at(-1), "TrailWrite");
    assert.ok(!sids("medsearch-dev-documents-123456789012-us-west-2").includes("TrailWrite"));
  });

  it("publishes whole-bucket request metrics on every bucket when asked, and none by default", async () => {
    const metrics = async (o: Partial<StorageArgs>) => {
      const run = await runComponent(async () => {
        new Storage("s", args(o));
      });
      assert.equal(run.error, undefined, run.error?.message);
      return run.resources.filter((r) => r.type === "aws:s3/bucketMetric:BucketMetric").map((r) => [r.inputs.bucket, r.inputs.name]);
    };
    assert.deepEqual(await metrics({ requestMetrics: true }), [
      ["medsearch-dev-logs-123456789012-us-west-2", "EntireBucket"],
      ["medsearch-dev-documents-123456789012-us-west-2", "EntireBucket"],
    ]);
    assert.deepEqual(await metrics({}), []);
  });
});
