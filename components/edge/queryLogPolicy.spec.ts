import { strict as assert } from "node:assert";
import { route53QueryLogPolicy } from "./queryLogPolicy";

const GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/medsearch.example.com";
const ZONE = "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ";

describe("Route 53 query-log resource policy", () => {
  it("lets route53.amazonaws.com create streams and put events in this log group only, for this zone and account only", () => {
    assert.deepEqual(route53QueryLogPolicy(GROUP, ZONE, "123456789012"), {
      Version: "2012-10-17",
      Statement: [{
        Sid: "Route53QueryLogs",
        Effect: "Allow",
        Principal: { Service: "route53.amazonaws.com" },
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${GROUP}:*`,
        Condition: { ArnLike: { "aws:SourceArn": ZONE }, StringEquals: { "aws:SourceAccount": "123456789012" } },
      }],
    });
  });

  it("stays far below CloudWatch Logs' 5120-character policy limit for the longest domain", () => {
    const longest = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`;
    const doc = JSON.stringify(route53QueryLogPolicy(`arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/${longest}`, ZONE, "123456789012"));
    assert.ok(doc.length < 5120, `${doc.length}`);
  });
});
