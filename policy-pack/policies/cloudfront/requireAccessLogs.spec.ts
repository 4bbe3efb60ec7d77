import { strict as assert } from "node:assert";
import { check, distribution, logDelivery } from "../../test/edgeFixtures";
import { requireAccessLogs } from "./requireAccessLogs";

describe("cloudfront-require-access-logs (FSBP CloudFront.5)", () => {
  it("passes a distribution with standard logging (v2): an ACCESS_LOGS source and a delivery", async () => {
    const d = distribution();
    assert.deepEqual(await check(requireAccessLogs, [d, ...logDelivery(d)]), []);
  });

  it("passes a source matched by ARN value when no dependency was recorded", async () => {
    const d = distribution();
    const [source, delivery] = logDelivery(d);
    source.propertyDependencies = {};
    assert.deepEqual(await check(requireAccessLogs, [d, source, delivery]), []);
  });

  it("passes legacy logging to a bucket", async () => {
    assert.deepEqual(await check(requireAccessLogs, [distribution({ loggingConfig: { bucket: "logs.s3.amazonaws.com" } })]), []);
  });

  it("fails a distribution with no logs", async () => {
    const [v] = await check(requireAccessLogs, [distribution()]);
    assert.match(v.message, /CloudFront distribution edge-cdn writes no access logs/);
  });

  it("fails a source of another log type", async () => {
    const d = distribution();
    const [v] = await check(requireAccessLogs, [d, ...logDelivery(d, { logType: "CONNECTION_LOGS" })]);
    assert.match(v.message, /writes no access logs/);
  });

  it("fails a source with no delivery", async () => {
    const d = distribution();
    const [v] = await check(requireAccessLogs, [d, logDelivery(d)[0]]);
    assert.match(v.message, /writes no access logs/);
  });
});
