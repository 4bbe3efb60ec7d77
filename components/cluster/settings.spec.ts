import { strict as assert } from "node:assert";
import { CLUSTER_NAME_PATTERN, asgServiceLinkedRoleArn, checkClusterName, controlPlaneLogGroupName } from "./settings";

describe("cluster settings", () => {
  const names: Array<[string, boolean]> = [["medsearch-prod", true], ["a", true], ["x".repeat(100), true], ["x".repeat(101), false], ["-bad", false], ["has space", false], ["medsearch.prod", false]];
  for (const [name, ok] of names) {
    it(`${ok ? "accepts" : "rejects"} the cluster name "${name.length > 20 ? `${name.slice(0, 8)}… (${name.length})` : name}"`, () => {
      assert.equal(CLUSTER_NAME_PATTERN.test(name), ok);
      if (!ok) assert.throws(() => checkClusterName(name), /EKS rejects the cluster name/);
    });
  }

  it("puts control-plane logs where EKS writes them", () => assert.equal(controlPlaneLogGroupName("medsearch-prod"), "/aws/eks/medsearch-prod/cluster"));

  it("names the default autoscaling service-linked role", () => {
    assert.equal(asgServiceLinkedRoleArn({ partition: "aws", accountId: "123456789012" }), "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
  });
});
