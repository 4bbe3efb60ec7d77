/**
 * The Cache on its own, given only a VPC and subnets: encrypted at rest with its own key, TLS
 * required, an AUTH token kept in Secrets Manager, a replica in another AZ with failover, snapshots.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { runComponent } from "../../offline/runStack";
import { Planned, one, ofType } from "../../test/helpers";
import { CRITICAL_ALARMS, keyByArn, mandatoryPolicies, standalone } from "../../test/standalone";
import { Cache } from "./cache";

const vpcId = "vpc-0123456789abcdef0";
const subnetIds = ["subnet-p1", "subnet-p2", "subnet-p3"];

describe("Cache standalone", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new Cache("sessions", { vpcId, subnetIds }, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });
  const group = () => one(run, "aws:elasticache/replicationGroup:ReplicationGroup");

  it("encrypts at rest with its own rotating data key and requires TLS and the AUTH token in transit", () => {
    const g = group().inputs;
    assert.deepEqual([g.atRestEncryptionEnabled, g.transitEncryptionEnabled, g.transitEncryptionMode], [true, true, "required"]);
    assert.deepEqual([keyByArn(run, g.kmsKeyId).inputs.tags.DataClass, keyByArn(run, g.kmsKeyId).inputs.enableKeyRotation], ["data", true]);
    assert.deepEqual(g.authToken, one(run, "random:index/randomPassword:RandomPassword").outputs.result);
    assert.equal(g.authToken[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig, "the token is not marked secret");
  });

  it("keeps the token in a secret under its own secrets key, never in plain state", () => {
    const secret = one(run, "aws:secretsmanager/secret:Secret");
    assert.equal(keyByArn(run, secret.inputs.kmsKeyId).inputs.tags.DataClass, "secrets");
    assert.equal(secret.inputs.recoveryWindowInDays, 30);
    const value = one(run, "aws:secretsmanager/secretVersion:SecretVersion").inputs.secretString;
    assert.equal(value[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig, "the secret value is not marked secret");
  });

  it("fails over to a replica in another AZ, keeps a week of snapshots and a final one, and is protected", () => {
    const g = group();
    assert.deepEqual(
      [g.inputs.numCacheClusters, g.inputs.automaticFailoverEnabled, g.inputs.multiAzEnabled, g.inputs.snapshotRetentionLimit, g.inputs.finalSnapshotIdentifier, g.protect],
      [2, true, true, 7, "sessions-final", true],
    );
  });

  it("is private: in the given subnets behind a group that admits no one until told, and logs to encrypted groups", () => {
    assert.deepEqual(one(run, "aws:elasticache/subnetGroup:SubnetGroup").inputs.subnetIds, subnetIds);
    const sg = one(run, "aws:ec2/securityGroup:SecurityGroup").inputs;
    assert.deepEqual([sg.ingress, sg.egress], [[], []]);
    for (const g of ofType(run, "aws:cloudwatch/logGroup:LogGroup")) assert.deepEqual([g.inputs.retentionInDays, keyByArn(run, g.inputs.kmsKeyId).inputs.tags.DataClass], [90, "logs"]);
  });

  it("passes every mandatory policy of the prod pack but the critical alarm, which the Monitoring component adds", () => {
    assert.deepEqual(mandatoryPolicies(run), [CRITICAL_ALARMS]);
  });

  it("refuses a topology ElastiCache would refuse, every problem in one error, before any resource", async () => {
    const bad = await runComponent(async () => {
      new Cache("sessions", { vpcId, subnetIds, replicasPerShard: 0, shards: 2, snapshotRetentionDays: 0 });
    });
    const message = String(bad.error?.message);
    for (const field of ["automaticFailover: got true", "shards: got 2", "snapshotRetentionDays: got 0"]) assert.ok(message.includes(field), message);
    assert.deepEqual(bad.resources.filter((r) => r.custom), []);
  });
});
