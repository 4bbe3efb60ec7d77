import { strict as assert } from "node:assert";
import { changed, mskCluster, violations } from "../../test/dataFixtures";
import { disallowUnauthenticatedAccess } from "./disallowUnauthenticatedAccess";

describe("msk-disallow-unauthenticated-access", () => {
  it("passes IAM authentication with unauthenticated access off", async () => {
    assert.deepEqual(await violations(disallowUnauthenticatedAccess, [mskCluster]), []);
  });

  it("fails unauthenticated access turned on", async () => {
    assert.match((await violations(disallowUnauthenticatedAccess, [changed(mskCluster, "clientAuthentication.unauthenticated", true)]))[0], /allows unauthenticated clients/);
  });

  it("fails a cluster with no authentication method", async () => {
    assert.match((await violations(disallowUnauthenticatedAccess, [changed(mskCluster, "clientAuthentication", undefined)]))[0], /no client authentication method/);
  });
});
