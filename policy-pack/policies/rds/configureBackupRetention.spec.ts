import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { changed, rdsPrimary, rdsReplica, violations } from "../../test/dataFixtures";
import { configureBackupRetention } from "./configureBackupRetention";

describe("rds-configure-backup-retention", () => {
  it("passes a primary with 7 days of backups, and a replica (backed up through its source)", async () => {
    assert.deepEqual(await violations(configureBackupRetention, [rdsPrimary, rdsReplica]), []);
  });

  it("fails a primary with fewer days than configured, or backups off", async () => {
    assert.deepEqual(await violations(configureBackupRetention, [changed(rdsPrimary, "backupRetentionPeriod", 3)]), [
      "DB instance keeps 3 days of automated backups; set backupRetentionPeriod to at least 7.",
    ]);
    assert.match((await violations(configureBackupRetention, [changed(rdsPrimary, "backupRetentionPeriod", undefined)]))[0], /keeps 0 days/);
  });

  it("takes the minimum from the pack config (35 for the billion-record system)", async () => {
    assert.match((await violations(configureBackupRetention, [rdsPrimary], { minRetentionDays: 35 }))[0], /at least 35/);
  });

  it("still exempts a read replica during preview, when its source's ARN is unknown", async () => {
    assert.deepEqual(await violations(configureBackupRetention, [changed(rdsReplica, "replicateSourceDb", unknownValue)]), []);
  });
});
