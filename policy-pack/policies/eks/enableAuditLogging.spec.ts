import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { enableAuditLogging as policy } from "./enableAuditLogging";

const ALL = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

describe("eks-enable-audit-logging", () => {
  for (const type of [T.eksComponentCluster, T.eksCluster]) {
    it(`passes ${type} with all five log types`, async () => {
      assert.deepEqual(await resourceViolations(policy, { type, props: { enabledClusterLogTypes: ALL } }), []);
    });

    it(`fails ${type} without the audit log, naming it`, async () => {
      const [v] = await resourceViolations(policy, { type, props: { enabledClusterLogTypes: ALL.filter((t) => t !== "audit") } });
      assert.match(v, /does not log audit;/);
    });
  }

  it("fails a cluster with logging left at its default (off)", async () => {
    assert.match((await resourceViolations(policy, { type: T.eksComponentCluster, props: {} }))[0], /api, audit, authenticator, controllerManager, scheduler/);
  });

  it("requires only the configured types", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.eksCluster, props: { enabledClusterLogTypes: ["audit"] } }, { requiredLogTypes: ["audit"] }), []);
  });
});
