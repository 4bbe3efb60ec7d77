import { strict as assert } from "node:assert";
import { changed, rdsPrimary, rdsReplica, violations } from "../../test/dataFixtures";
import { enableAutoMinorVersionUpgrade } from "./enableAutoMinorVersionUpgrade";

describe("rds-enable-auto-minor-version-upgrade", () => {
  it("passes instances that upgrade minor versions automatically (the provider default when unset)", async () => {
    assert.deepEqual(await violations(enableAutoMinorVersionUpgrade, [rdsPrimary, changed(rdsReplica, "autoMinorVersionUpgrade", undefined)]), []);
  });

  it("fails an instance with automatic minor upgrades turned off", async () => {
    assert.match((await violations(enableAutoMinorVersionUpgrade, [changed(rdsPrimary, "autoMinorVersionUpgrade", false)]))[0], /set autoMinorVersionUpgrade: true/);
  });
});
