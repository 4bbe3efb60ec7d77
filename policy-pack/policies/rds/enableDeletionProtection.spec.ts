import { strict as assert } from "node:assert";
import { changed, rdsPrimary, rdsReplica, violations } from "../../test/dataFixtures";
import { enableDeletionProtection } from "./enableDeletionProtection";

describe("rds-enable-deletion-protection", () => {
  it("passes protected instances", async () => {
    assert.deepEqual(await violations(enableDeletionProtection, [rdsPrimary, rdsReplica]), []);
  });

  it("fails an instance without deletion protection", async () => {
    assert.deepEqual(await violations(enableDeletionProtection, [changed(rdsPrimary, "deletionProtection", false)]), [
      "DB instance can be deleted by a single API call; set deletionProtection: true.",
    ]);
  });
});
