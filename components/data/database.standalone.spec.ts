/**
 * The headline: `new Database("orders", { vpcId, subnetIds })` in another program gives an
 * encrypted, private, TLS-only, backed-up database. Each property is read off the recorded resources.
 */
import { strict as assert } from "node:assert";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { runComponent } from "../../offline/runStack";
import { Planned, one, ofType } from "../../test/helpers";
import { CRITICAL_ALARMS, keyByArn, mandatoryPolicies, standalone } from "../../test/standalone";
import { Database } from "./database";

const vpcId = "vpc-0123456789abcdef0";
const subnetIds = ["subnet-d1", "subnet-d2", "subnet-d3"];

describe("Database standalone", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new Database("orders", { vpcId, subnetIds }, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });
  const primary = () => one(run, "aws:rds/instance:Instance").inputs;

  it("is encrypted at rest, and its Performance Insights, with its own rotating, protected data key", () => {
    const db = primary();
    assert.equal(db.storageEncrypted, true);
    const key = keyByArn(run, db.kmsKeyId);
    assert.deepEqual([key.inputs.tags.DataClass, key.inputs.enableKeyRotation, key.protect], ["data", true, true]);
    assert.equal(db.performanceInsightsKmsKeyId, db.kmsKeyId);
  });

  it("is private: not publicly accessible, in the given subnets, behind a group that admits no one until told", () => {
    const db = primary();
    assert.equal(db.publiclyAccessible, false);
    assert.deepEqual(one(run, "aws:rds/subnetGroup:SubnetGroup").inputs.subnetIds, subnetIds);
    const sg = one(run, "aws:ec2/securityGroup:SecurityGroup").inputs;
    assert.deepEqual([sg.vpcId, sg.ingress, sg.egress], [vpcId, [], []]);
    assert.deepEqual(db.vpcSecurityGroupIds, [one(run, "aws:ec2/securityGroup:SecurityGroup").outputs.id]);
  });

  it("accepts TLS connections only (rds.force_ssl), and authenticates with IAM or the RDS-managed, rotated password", () => {
    const params = one(run, "aws:rds/parameterGroup:ParameterGroup");
    assert.deepEqual(params.inputs.parameters.find((p: any) => p.name === "rds.force_ssl"), { name: "rds.force_ssl", value: "1" });
    const db = primary();
    assert.equal(db.parameterGroupName, params.outputs.name);
    assert.deepEqual([db.iamDatabaseAuthenticationEnabled, db.manageMasterUserPassword], [true, true]);
    assert.equal(keyByArn(run, db.masterUserSecretKmsKeyId).inputs.tags.DataClass, "secrets");
    assert.equal(one(run, "aws:secretsmanager/secretRotation:SecretRotation").inputs.rotationRules.automaticallyAfterDays, 7);
  });

  it("is backed up and survives an AZ and a careless delete: 7 days of backups kept after deletion, a final snapshot, Multi-AZ, deletion protection, protect", () => {
    const db = primary();
    assert.deepEqual(
      [db.backupRetentionPeriod, db.deleteAutomatedBackups, db.skipFinalSnapshot, db.finalSnapshotIdentifier, db.multiAz, db.deletionProtection],
      [7, false, false, "orders-final", true, true],
    );
    assert.equal(one(run, "aws:rds/instance:Instance").protect, true);
    assert.equal(db.availabilityZone, undefined);
  });

  it("has no read replica unless asked: Multi-AZ keeps it up, replicas only scale reads", () => {
    assert.equal(ofType(run, "aws:rds/instance:Instance").length, 1);
  });

  it("exports its PostgreSQL logs to groups it creates first, kept 90 days under its own logs key", () => {
    const groups = ofType(run, "aws:cloudwatch/logGroup:LogGroup");
    assert.deepEqual(groups.map((g) => [g.inputs.name, g.inputs.retentionInDays]), [["/aws/rds/instance/orders/postgresql", 90], ["/aws/rds/instance/orders/upgrade", 90]]);
    for (const g of groups) assert.equal(keyByArn(run, g.inputs.kmsKeyId).inputs.tags.DataClass, "logs");
    assert.deepEqual(one(run, "aws:rds/instance:Instance").dependencies.filter((d) => d.includes("LogGroup")).length, 2);
  });

  it("lets only RDS monitoring of the provider's account assume its Enhanced Monitoring role", () => {
    const trust = JSON.parse(one(run, "aws:iam/role:Role").inputs.assumeRolePolicy).Statement[0];
    assert.deepEqual([trust.Principal.Service, trust.Condition.StringEquals["aws:SourceAccount"]], ["monitoring.rds.amazonaws.com", MOCK_ACCOUNT_ID]);
    assert.equal(primary().monitoringInterval, 15);
  });

  it("hands the Monitoring component its target: the primary, no replica, RDS's default max_connections of db.r6g.large and 100 GiB", async () => {
    let target: unknown;
    const again = await runComponent(async () => {
      target = new Database("orders", { vpcId, subnetIds }).monitoringTarget();
    });
    assert.equal(again.error, undefined, again.error?.message);
    assert.deepEqual(target, { instanceIds: ["orders"], replicaInstanceIds: [], maxConnections: 1802, allocatedStorageGiB: 100 });
  });

  it("passes every mandatory policy of the prod pack but the critical alarm, which the Monitoring component adds", () => {
    assert.deepEqual(mandatoryPolicies(run), [CRITICAL_ALARMS]);
  });

  it("admits exactly the client groups it is given, and places replicas by the AZs it is given", async () => {
    const given = await runComponent(async () => {
      new Database("orders", { vpcId, subnetIds, clientSecurityGroupIds: ["sg-0app00000000000000"], availabilityZones: ["us-west-2a", "us-west-2b", "us-west-2c"], readReplicas: 2 });
    });
    assert.equal(given.error, undefined, given.error?.message);
    const ingress = one(given, "aws:ec2/securityGroup:SecurityGroup").inputs.ingress;
    assert.deepEqual(ingress.map((r: any) => [r.fromPort, r.securityGroups]), [[5432, ["sg-0app00000000000000"]]]);
    const replicas = ofType(given, "aws:rds/instance:Instance").filter((r) => r.inputs.replicateSourceDb);
    assert.deepEqual(replicas.map((r) => r.inputs.availabilityZone), ["us-west-2b", "us-west-2c"]);
  });

  it("refuses settings RDS would refuse, every one in one error, before any resource", async () => {
    const bad = await runComponent(async () => {
      new Database("orders", { vpcId, subnetIds, backupRetentionDays: 0, readReplicas: 1, performanceInsightsRetentionDays: 30, engineVersion: "15" });
    });
    const message = String(bad.error?.message);
    assert.match(message, /^orders: /);
    for (const field of ["engineVersion: got \"15\"", "performanceInsightsRetentionDays: got 30", "readReplicas: got 1; allowed: 0 while backupRetentionDays is 0"]) assert.ok(message.includes(field), message);
    assert.deepEqual(bad.resources.filter((r) => r.custom), []);
  });
});
