import { strict as assert } from "node:assert";
import { cacheGroup, changed, violations } from "../../test/dataFixtures";
import { requireAuth } from "./requireAuth";

describe("elasticache-require-auth", () => {
  it("passes a group with an AUTH token, and one with RBAC user groups", async () => {
    const rbac = changed(changed(cacheGroup, "authToken", undefined), "userGroupIds", ["app-users"]);
    assert.deepEqual(await violations(requireAuth, [cacheGroup, rbac]), []);
  });

  it("fails a group that authenticates nobody", async () => {
    assert.deepEqual(await violations(requireAuth, [changed(cacheGroup, "authToken", undefined)]), [
      "Replication group lets any client in the network run commands; set an authToken or userGroupIds.",
    ]);
  });
});
