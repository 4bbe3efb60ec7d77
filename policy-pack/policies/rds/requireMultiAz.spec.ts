import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { changed, rdsPrimary, rdsReplica, violations } from "../../test/dataFixtures";
import { requireMultiAz } from "./requireMultiAz";

describe("rds-require-multi-az", () => {
  it("passes a Multi-AZ primary and a Single-AZ read replica", async () => {
    assert.deepEqual(await violations(requireMultiAz, [rdsPrimary, rdsReplica]), []);
  });

  it("fails a Single-AZ primary", async () => {
    assert.deepEqual(await violations(requireMultiAz, [changed(rdsPrimary, "multiAz", false)]), [
      "DB instance runs in a single AZ, so an AZ failure takes the database down; set multiAz: true.",
    ]);
  });

  it("still exempts a read replica during preview, when its source's ARN is unknown", async () => {
    assert.deepEqual(await violations(requireMultiAz, [changed(rdsReplica, "replicateSourceDb", unknownValue)]), []);
  });
});
