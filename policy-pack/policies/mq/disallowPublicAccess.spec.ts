import { strict as assert } from "node:assert";
import { changed, rabbitBroker, violations } from "../../test/dataFixtures";
import { disallowPublicAccess } from "./disallowPublicAccess";

describe("mq-disallow-public-access", () => {
  it("passes a private broker", async () => {
    assert.deepEqual(await violations(disallowPublicAccess, [rabbitBroker]), []);
  });

  it("fails a publicly accessible broker", async () => {
    assert.deepEqual(await violations(disallowPublicAccess, [changed(rabbitBroker, "publiclyAccessible", true)]), [
      "Broker has a public endpoint, reachable from the internet; set publiclyAccessible: false.",
    ]);
  });
});
