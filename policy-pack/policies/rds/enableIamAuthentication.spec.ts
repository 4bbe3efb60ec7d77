import { strict as assert } from "node:assert";
import { changed, rdsPrimary, rdsReplica, violations } from "../../test/dataFixtures";
import { enableIamAuthentication } from "./enableIamAuthentication";

describe("rds-enable-iam-authentication", () => {
  it("passes instances with IAM authentication", async () => {
    assert.deepEqual(await violations(enableIamAuthentication, [rdsPrimary, rdsReplica]), []);
  });

  it("fails an instance without it", async () => {
    assert.deepEqual(await violations(enableIamAuthentication, [changed(rdsReplica, "iamDatabaseAuthenticationEnabled", undefined)]), [
      "DB instance does not accept IAM authentication; set iamDatabaseAuthenticationEnabled: true.",
    ]);
  });
});
