import { strict as assert } from "node:assert";
import { notificationsKeyPolicy, topicPolicy } from "./notificationPolicies";

const ctx = { accountId: "123456789012", partition: "aws", region: "us-west-2" };
const TOPIC = "arn:aws:sns:us-west-2:123456789012:medsearch-prod-critical";

describe("notification policies", () => {
  it("let exactly CloudWatch, EventBridge and Budgets publish, each only from this account", () => {
    const doc = topicPolicy(TOPIC, ctx);
    assert.deepEqual(doc.Statement.map((s) => [s.Principal, s.Action, s.Resource, s.Condition?.StringEquals]), [
      [{ Service: "cloudwatch.amazonaws.com" }, "sns:Publish", TOPIC, { "aws:SourceAccount": "123456789012" }],
      [{ Service: "events.amazonaws.com" }, "sns:Publish", TOPIC, { "aws:SourceAccount": "123456789012" }],
      [{ Service: "budgets.amazonaws.com" }, "sns:Publish", TOPIC, { "aws:SourceAccount": "123456789012" }],
    ]);
    assert.ok(doc.Statement.every((s) => s.Effect === "Allow" && s.Principal !== "*"));
  });

  it("scope each publisher to its own kind of source: this region's alarms and rules, this account's budgets", () => {
    const arns = topicPolicy(TOPIC, ctx).Statement.map((s) => s.Condition?.ArnLike?.["aws:SourceArn"]);
    assert.deepEqual(arns, [
      "arn:aws:cloudwatch:us-west-2:123456789012:alarm:*",
      "arn:aws:events:us-west-2:123456789012:rule/*",
      "arn:aws:budgets::123456789012:*",
    ]);
  });

  it("let the publishers encrypt for the topic, keeping the account statement, with no source condition for EventBridge (its KMS calls carry none)", () => {
    const doc = notificationsKeyPolicy(ctx);
    const sid = (id: string) => doc.Statement.find((s) => s.Sid === id)!;
    assert.deepEqual(sid("EnableIamPolicies").Principal, { AWS: "arn:aws:iam::123456789012:root" });
    for (const id of ["AllowCloudWatchAlarms", "AllowEventBridge", "AllowBudgets"]) assert.deepEqual(sid(id).Action, ["kms:Decrypt", "kms:GenerateDataKey*"], id);
    assert.deepEqual(sid("AllowCloudWatchAlarms").Condition, { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-west-2:123456789012:alarm:*" } });
    assert.equal(sid("AllowEventBridge").Condition, undefined);
    assert.deepEqual(sid("AllowBudgets").Condition?.ArnLike, { "aws:SourceArn": "arn:aws:budgets::123456789012:*" });
  });

  it("name the region of the key, so a key in us-east-1 admits that region's alarms", () => {
    const east = notificationsKeyPolicy({ ...ctx, region: "us-east-1" }).Statement.find((s) => s.Sid === "AllowCloudWatchAlarms")!;
    assert.equal(east.Condition?.ArnLike?.["aws:SourceArn"], "arn:aws:cloudwatch:us-east-1:123456789012:alarm:*");
  });
});
