import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { criticalTopic } from "../../test/monitoringFixtures";
import { requireTopicEncryption } from "./requireTopicEncryption";

describe("sns-require-topic-encryption", () => {
  it("passes a topic encrypted with a customer-managed key", async () => {
    assert.deepEqual(await check(requireTopicEncryption, [criticalTopic]), []);
  });

  it("flags a topic without kmsMasterKeyId", async () => {
    const v = assertOneViolation(await check(requireTopicEncryption, [withInputs(criticalTopic, { kmsMasterKeyId: undefined })]), requireTopicEncryption, [/no kmsMasterKeyId/, /customer-managed KMS key/]);
    assert.equal(v.urn, criticalTopic.urn);
  });

  it("flags a topic with an empty kmsMasterKeyId", async () => {
    assertOneViolation(await check(requireTopicEncryption, [withInputs(criticalTopic, { kmsMasterKeyId: "" })]), requireTopicEncryption, [/no kmsMasterKeyId/]);
  });

  for (const key of ["alias/aws/sns", "arn:aws:kms:us-west-2:123456789012:alias/aws/sns"]) {
    it(`flags a topic on the AWS-managed key (${key}), which alarms cannot publish through`, async () => {
      assertOneViolation(await check(requireTopicEncryption, [withInputs(criticalTopic, { kmsMasterKeyId: key })]), requireTopicEncryption, [/alias\/aws\/sns/, /use a customer-managed KMS key/]);
    });
  }

  it("ignores other resource types, such as a subscription", async () => {
    assert.deepEqual(await check(requireTopicEncryption, [fixture("aws:sns/topicSubscription:TopicSubscription", "s", { inputs: { topic: "arn" } })]), []);
  });

  it("reports an advisory 'can't run during preview' when kmsMasterKeyId is unknown", async () => {
    assertOneViolation(await check(requireTopicEncryption, [withInputs(criticalTopic, { kmsMasterKeyId: unknownValue })]), requireTopicEncryption, [/can't run policy 'sns-require-topic-encryption' during preview/], "advisory");
  });
});
