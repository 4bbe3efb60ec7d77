import { strict as assert } from "node:assert";
import { join } from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { readPackConfig } from "../../../offline/policyRunner";
import { T } from "../../lib/types";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { configureLogGroupRetention } from "./configureLogGroupRetention";

/** A log group kept for 90 days, the longest minimum any profile asks for. */
const logGroup = fixture(T.logGroup, "flow-logs", {
  inputs: { retentionInDays: 90, kmsKeyId: "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
});
const prod = readPackConfig(join(__dirname, "..", "..", "config", "prod.json"));

describe("cloudwatch-configure-log-group-retention", () => {
  it("passes a log group with retentionInDays above the minimum", async () => {
    assert.deepEqual(await check(configureLogGroupRetention, [logGroup]), []);
  });

  it("flags a log group without retentionInDays (kept forever)", async () => {
    const v = assertOneViolation(
      await check(configureLogGroupRetention, [withInputs(logGroup, { retentionInDays: undefined })]),
      configureLogGroupRetention,
      [/has no retention, so it keeps data forever/, /set retentionInDays to at least 7/],
    );
    assert.equal(v.urn, logGroup.urn);
  });

  it("flags a log group with retentionInDays 0 (never expire)", async () => {
    assertOneViolation(
      await check(configureLogGroupRetention, [withInputs(logGroup, { retentionInDays: 0 })]),
      configureLogGroupRetention,
      [/has no retention, so it keeps data forever/, /set retentionInDays to at least 7/],
    );
  });

  it("flags a log group with retentionInDays below the minimum", async () => {
    assertOneViolation(
      await check(configureLogGroupRetention, [withInputs(logGroup, { retentionInDays: 3 })]),
      configureLogGroupRetention,
      [/keeps records 3 days/, /set retentionInDays to at least 7/],
    );
  });

  it("skips a DELIVERY-class log group, whose retention AWS fixes at 2 days", async () => {
    assert.deepEqual(await check(configureLogGroupRetention, [withInputs(logGroup, { logGroupClass: "DELIVERY", retentionInDays: undefined })], prod), []);
  });

  it("ignores other resource types, such as a log stream", async () => {
    const stream = fixture("aws:cloudwatch/logStream:LogStream", "app", { inputs: { logGroupName: "flow-logs" } });
    assert.deepEqual(await check(configureLogGroupRetention, [stream]), []);
  });

  describe("minRetentionDays", () => {
    it("defaults to the schema's 7 days when the config has no entry", async () => {
      assert.deepEqual(await check(configureLogGroupRetention, [withInputs(logGroup, { retentionInDays: 7 })]), []);
      assertOneViolation(
        await check(configureLogGroupRetention, [withInputs(logGroup, { retentionInDays: 5 })]),
        configureLogGroupRetention,
        [/keeps records 5 days/, /at least 7\./],
      );
    });

    it("takes the config file's value over the default (prod.json: 90)", async () => {
      assert.deepEqual(await check(configureLogGroupRetention, [logGroup], prod), []);
      assertOneViolation(
        await check(configureLogGroupRetention, [withInputs(logGroup, { retentionInDays: 60 })], prod),
        configureLogGroupRetention,
        [/keeps records 60 days/, /set retentionInDays to at least 90/],
      );
    });

    it("takes an inline config entry over the default", async () => {
      const config = { all: "mandatory" as const, "cloudwatch-configure-log-group-retention": { minRetentionDays: 30 } };
      assertOneViolation(
        await check(configureLogGroupRetention, [withInputs(logGroup, { retentionInDays: 14 })], config),
        configureLogGroupRetention,
        [/keeps records 14 days/, /at least 30/],
      );
    });
  });

  it("reports an advisory 'can't run during preview' when retentionInDays is unknown", async () => {
    assertOneViolation(
      await check(configureLogGroupRetention, [withInputs(logGroup, { retentionInDays: unknownValue })]),
      configureLogGroupRetention,
      [/can't run policy 'cloudwatch-configure-log-group-retention' during preview/, /\.retentionInDays/],
      "advisory",
    );
  });
});
