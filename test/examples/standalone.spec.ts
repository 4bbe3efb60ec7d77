/**
 * examples/standalone: another team's program built from the public API alone, without the
 * platform's config. Planned as `npm run plan -- --program examples/standalone --stack dev` does,
 * with the prod pack config, since it sets no platform:profile.
 */
import { strict as assert } from "node:assert";
import { Planned, mandatory, one, ofType, planProgram } from "../helpers";

describe("example: a standalone program (examples/standalone)", () => {
  let p: Planned;
  before(async () => {
    p = await planProgram("examples/standalone", "dev");
    assert.equal(p.error, undefined, p.error?.message);
  });

  it("composes a network, a database, a bucket set and its alarms from the components, nothing from the platform program", () => {
    assert.deepEqual(ofType(p, "pulumi:providers:aws").map((r) => r.name), ["orders"]);
    const components = p.resources.filter((r) => !r.custom && r.type.startsWith("platform:")).map((r) => r.type).sort();
    assert.deepEqual(components, ["platform:data:Database", "platform:monitoring:Monitoring", "platform:network:Network", "platform:storage:Storage"]);
  });

  it("passes every mandatory policy of the prod pack config", () => {
    assert.deepEqual(mandatory(p), []);
  });

  it("gets the secure database from { vpcId, subnetIds } alone: encrypted, private, TLS-only, Multi-AZ, backed up, protected", () => {
    const db = one(p, "aws:rds/instance:Instance");
    assert.deepEqual(
      [db.inputs.storageEncrypted, db.inputs.publiclyAccessible, db.inputs.multiAz, db.inputs.backupRetentionPeriod, db.inputs.deletionProtection, db.protect],
      [true, false, true, 7, true, true],
    );
    assert.deepEqual(one(p, "aws:rds/subnetGroup:SubnetGroup").inputs.subnetIds, one(p, "awsx:ec2:Vpc").outputs.isolatedSubnetIds);
    assert.deepEqual(one(p, "aws:rds/parameterGroup:ParameterGroup").inputs.parameters[0], { name: "rds.force_ssl", value: "1" });
  });

  it("backs the database up with the buckets' AWS Backup plan, and pages on-call when it fails", () => {
    assert.deepEqual(one(p, "aws:backup/selection:Selection").inputs.resources, [one(p, "aws:rds/instance:Instance").outputs.arn]);
    const critical = ofType(p, "aws:sns/topic:Topic").find((t) => t.inputs.tags.Severity === "critical")!;
    const dbAlarms = ofType(p, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => JSON.stringify(a.inputs).includes('"DBInstanceIdentifier":"orders"'));
    assert.ok(dbAlarms.some((a) => a.inputs.alarmActions.includes(critical.outputs.arn)), "no alarm on the database pages the critical topic");
  });

  it("audits the account to the log bucket, whose policy admits exactly that trail before it exists", () => {
    const trail = one(p, "aws:cloudtrail/trail:Trail");
    const logs = ofType(p, "aws:s3/bucket:Bucket").find((b) => b.inputs.bucket === trail.inputs.s3BucketName)!;
    assert.equal(logs.inputs.tags.Purpose, "logs");
    const policy = ofType(p, "aws:s3/bucketPolicy:BucketPolicy").find((b) => b.inputs.bucket === logs.inputs.bucket)!;
    const sourceArns = JSON.parse(policy.inputs.policy).Statement.filter((x: any) => x.Principal?.Service === "cloudtrail.amazonaws.com").map((x: any) => x.Condition.StringEquals["aws:SourceArn"]);
    assert.ok(sourceArns.length > 0 && sourceArns.every((a: string) => a === trail.outputs.arn), JSON.stringify(sourceArns));
  });

  it("exports the stack outputs the program returns", () => {
    assert.deepEqual(Object.keys(p.outputs).sort(), ["bucketNames", "criticalTopicArn", "databaseEndpoint", "databaseSecretArn", "vpcId"]);
    assert.deepEqual(Object.keys(p.outputs.bucketNames).sort(), ["documents", "exports", "logs"]);
  });
});
