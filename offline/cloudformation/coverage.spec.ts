import { strict as assert } from "node:assert";
import type { RecordedResource } from "../recorder";
import { coverageRatio } from "./coverage";
import { render } from "./renderer";

const P = "urn:pulumi:t::platform::";
const res = (type: string, name: string, inputs: Record<string, any> = {}, custom = true): RecordedResource => ({
  urn: `${P}${type}::${name}`, type, name, custom, inputs, outputs: inputs, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false,
  provider: { urn: `${P}pulumi:providers:aws::p`, name: "p", region: "us-west-2" },
});

describe("CloudFormation coverage", () => {
  it("counts aws:* resources with an equivalent, lists those without apart, and ignores other providers and our components", () => {
    const c = render([
      res("aws:kms/key:Key", "k"),
      res("aws:kms/grant:Grant", "g", { keyId: "k" }),
      res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "d"),
      res("random:index/randomPassword:RandomPassword", "pw"),
      res("kubernetes:core/v1:Namespace", "ns"),
      res("platform:data:Database", "db", {}, false),
    ], "t").coverage;
    assert.deepEqual([c.translated, c.total], [1, 1]);
    assert.deepEqual(c.excluded.map((e) => [e.type, e.count]), [["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", 1], ["aws:kms/grant:Grant", 1]]);
    assert.ok(c.excluded.every((e) => e.reason.length > 0));
  });

  it("counts a type without a mapping, and a configuration resource without its parent, as not translated", () => {
    const c = render([res("aws:s3/bucketVersioning:BucketVersioning", "v", { bucket: "nowhere" }), res("aws:lambda/function:Function", "f")], "t").coverage;
    assert.deepEqual([c.translated, c.total], [0, 2]);
    assert.deepEqual(c.untranslated.map((u) => u.type), ["aws:lambda/function:Function", "aws:s3/bucketVersioning:BucketVersioning"]);
    assert.match(c.untranslated[1].reason, /parent/);
    assert.equal(coverageRatio(c), 0);
  });

  it("counts the resources synthesized for a remote component, and lists a remote component nothing expands", () => {
    const vpc = res("awsx:ec2:Vpc", "net", { availabilityZoneNames: ["a"], subnetSpecs: [{ type: "Isolated", name: "db", cidrBlocks: ["10.0.0.0/24"] }] }, false);
    const c = render([vpc, res("awsx:lb:ApplicationLoadBalancer", "alb", {}, false)], "t").coverage;
    assert.deepEqual([c.translated, c.total], [5, 5], "vpc, gateway, subnet, route table, association");
    assert.deepEqual(c.excluded.map((e) => e.type), ["awsx:lb:ApplicationLoadBalancer"]);
  });
});
