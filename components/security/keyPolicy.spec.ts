import { strict as assert } from "node:assert";
import { keyPolicy } from "./keyPolicy";

const ctx = { accountId: "123456789012", partition: "aws", region: "us-west-2" };

describe("key policies", () => {
  it("keep the account statement on every key, so IAM can grant use and the key stays manageable", () => {
    for (const dataClass of ["data", "logs", "secrets"] as const) {
      const root = keyPolicy(dataClass, ctx).Statement.find((s) => s.Sid === "EnableIamPolicies");
      assert.deepEqual(root?.Principal, { AWS: "arn:aws:iam::123456789012:root" });
    }
  });

  it("let the regional CloudWatch Logs principal use the logs key, only for this account's log groups", () => {
    const logs = keyPolicy("logs", ctx).Statement.find((s) => s.Sid === "AllowCloudWatchLogs");
    assert.deepEqual(logs?.Principal, { Service: "logs.us-west-2.amazonaws.com" });
    assert.deepEqual(logs?.Condition?.ArnLike, { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-west-2:123456789012:log-group:*" });
  });

  it("grant no AWS service principal on the data and secrets keys", () => {
    for (const dataClass of ["data", "secrets"] as const) {
      assert.ok(keyPolicy(dataClass, ctx).Statement.every((s) => !s.Principal || !("Service" in (s.Principal as object))));
    }
  });
});
