import { strict as assert } from "node:assert";
import { activeMqBroker, changed, rabbitBroker, violations } from "../../test/dataFixtures";
import { requireMultiAzDeployment } from "./requireMultiAzDeployment";

describe("mq-require-multi-az-deployment", () => {
  it("passes a RabbitMQ cluster and an ActiveMQ active/standby pair", async () => {
    assert.deepEqual(await violations(requireMultiAzDeployment, [rabbitBroker, activeMqBroker]), []);
  });

  it("fails a single-instance RabbitMQ broker", async () => {
    assert.deepEqual(await violations(requireMultiAzDeployment, [changed(rabbitBroker, "deploymentMode", "SINGLE_INSTANCE")]), [
      "RabbitMQ broker runs as SINGLE_INSTANCE, so an AZ failure stops messaging; set deploymentMode: \"CLUSTER_MULTI_AZ\".",
    ]);
  });

  it("fails a single-instance ActiveMQ broker", async () => {
    assert.match((await violations(requireMultiAzDeployment, [changed(activeMqBroker, "deploymentMode", undefined)]))[0], /ACTIVE_STANDBY_MULTI_AZ/);
  });
});
