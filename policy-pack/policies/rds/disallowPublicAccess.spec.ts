import { strict as assert } from "node:assert";
import { changed, rdsPrimary, rdsReplica, violations } from "../../test/dataFixtures";
import { disallowPublicAccess } from "./disallowPublicAccess";

describe("rds-disallow-public-access", () => {
  it("passes private instances", async () => {
    assert.deepEqual(await violations(disallowPublicAccess, [rdsPrimary, rdsReplica]), []);
  });

  it("fails a publicly accessible instance", async () => {
    assert.deepEqual(await violations(disallowPublicAccess, [changed(rdsReplica, "publiclyAccessible", true)]), [
      "DB instance is publicly accessible; set publiclyAccessible: false so it is reachable only inside the VPC.",
    ]);
  });
});
