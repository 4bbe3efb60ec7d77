import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { assertOneViolation, check, withOutputs } from "../../test/fixtures";
import { criticalTopic, subscription, warningTopic } from "../../test/monitoringFixtures";
import { requireAlertSubscriptions } from "./requireAlertSubscriptions";

const expected = [/Critical topic critical has no subscription/, /subscribe the on-call e-mail or paging URL/];

describe("sns-require-alert-subscriptions", () => {
  it("passes a critical topic with a subscription, and a warning topic without one", async () => {
    assert.deepEqual(await check(requireAlertSubscriptions, [criticalTopic, warningTopic, subscription(criticalTopic)]), []);
  });

  it("flags a critical topic nobody subscribes to", async () => {
    const v = assertOneViolation(await check(requireAlertSubscriptions, [criticalTopic, warningTopic]), requireAlertSubscriptions, expected);
    assert.equal(v.urn, criticalTopic.urn);
  });

  it("flags a critical topic when only the warning topic has a subscription", async () => {
    assertOneViolation(await check(requireAlertSubscriptions, [criticalTopic, warningTopic, subscription(warningTopic, "warning-email-1")]), requireAlertSubscriptions, expected);
  });

  it("matches a subscription by its topic's ARN when it has no recorded dependency", async () => {
    const sub = { ...subscription(criticalTopic), dependencies: [], propertyDependencies: {} };
    assert.deepEqual(await check(requireAlertSubscriptions, [criticalTopic, sub]), []);
  });

  it("matches by dependency when the ARN is not known yet (preview)", async () => {
    const sub = withOutputs(subscription(criticalTopic), { topic: unknownValue });
    assert.deepEqual(await check(requireAlertSubscriptions, [criticalTopic, sub]), []);
  });

  it("does not treat an untagged topic as critical", async () => {
    assert.deepEqual(await check(requireAlertSubscriptions, [withOutputs(criticalTopic, { tags: {} })]), []);
  });
});
