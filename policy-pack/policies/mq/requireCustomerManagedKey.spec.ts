import { strict as assert } from "node:assert";
import { activeMqBroker, changed, rabbitBroker, violations } from "../../test/dataFixtures";
import { requireCustomerManagedKey } from "./requireCustomerManagedKey";

describe("mq-require-customer-managed-key", () => {
  it("passes an ActiveMQ broker on a customer-managed key", async () => {
    assert.deepEqual(await violations(requireCustomerManagedKey, [activeMqBroker]), []);
  });

  it("exempts RabbitMQ, which Amazon MQ encrypts only with an AWS-owned key, and says why", async () => {
    assert.deepEqual(await violations(requireCustomerManagedKey, [rabbitBroker]), []);
    assert.match(requireCustomerManagedKey.description!, /RabbitMQ brokers are exempt: Amazon MQ offers them only an AWS-owned key/);
  });

  it("fails an ActiveMQ broker on an AWS-owned key", async () => {
    assert.match((await violations(requireCustomerManagedKey, [changed(activeMqBroker, "encryptionOptions.useAwsOwnedKey", true)]))[0], /AWS-owned key/);
  });
});
