import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../offline/mockCloud";
import { cacheGroup, changed, violations } from "../../test/dataFixtures";
import { requireAuth } from "./requireAuth";

describe("elasticache-require-auth", () => {
  it("passes a group with an AUTH token, and one with RBAC user groups", async () => {
    const rbac = changed(changed(cacheGroup, "authToken", undefined), "userGroupIds", ["app-users"]);
    assert.deepEqual(await violations(requireAuth, [cacheGroup, rbac]), []);
  });

  it("passes a group whose AUTH token is a secret unknown during preview, as a generated password is", async () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: UNKNOWN };
    assert.deepEqual(await violations(requireAuth, [changed(cacheGroup, "authToken", secret)]), []);
  });

  it("fails a group that authenticates nobody", async () => {
    assert.deepEqual(await violations(requireAuth, [changed(cacheGroup, "authToken", undefined)]), [
      "Replication group lets any client in the network run commands; set an authToken or userGroupIds.",
    ]);
  });
});
