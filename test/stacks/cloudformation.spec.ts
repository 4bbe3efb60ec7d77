/**
 * The dev stack rendered as CloudFormation: every aws:* type it creates is accounted for and at least
 * 95% of its resources are translated. AWS's linter over it: cloudformation.lint.spec.ts.
 */
import { strict as assert } from "node:assert";
import { MAPPINGS } from "../../offline/cloudformation/mappings";
import { coverageRatio } from "../../offline/cloudformation/coverage";
import { Rendering, render } from "../../offline/cloudformation/renderer";
import { expandRemoteComponents } from "../../offline/expand";
import { COVERAGE_FLOOR } from "../../scripts/validate";
import { Planned, ofType, planStackFile } from "../helpers";

describe("dev rendered as CloudFormation", () => {
  let dev: Planned;
  let rendering: Rendering;
  before(async () => {
    dev = await planStackFile("Pulumi.dev.yaml");
    assert.equal(dev.error, undefined, dev.error?.message);
    rendering = render(dev.resources, "dev", dev.config["aws:region"]);
  });

  it(`translates at least ${COVERAGE_FLOOR * 100}% of the plan's AWS resources, the remote components' included`, () => {
    const c = rendering.coverage;
    assert.ok(coverageRatio(c) >= COVERAGE_FLOOR, `${c.translated} of ${c.total}`);
    const expanded = expandRemoteComponents(dev.resources, "us-west-2");
    const synthesized = expanded.length;
    const count = (type: string) => expanded.filter((r) => r.type === type).length;
    // The VPC, its subnets (public, private and isolated per AZ), the EKS cluster and each managed node group count.
    const azs = JSON.parse(dev.config["platform:network"]).azCount;
    assert.deepEqual(
      [count("aws:ec2/vpc:Vpc"), count("aws:ec2/subnet:Subnet"), count("aws:eks/cluster:Cluster"), count("aws:eks/nodeGroup:NodeGroup")],
      [1, 3 * azs, 1, ofType(dev, "eks:index:ManagedNodeGroup").length],
    );
    assert.equal(c.total, dev.resources.filter((r) => r.custom && r.type.startsWith("aws:")).length + synthesized - c.excluded.reduce((n, e) => n + e.count, 0));
  });

  it("has a mapping or a stated reason for every aws:* type the plan creates", () => {
    const types = new Set(dev.resources.filter((r) => r.custom && r.type.startsWith("aws:")).map((r) => r.type));
    assert.deepEqual([...types].filter((t) => !MAPPINGS[t]), []);
    assert.deepEqual(rendering.coverage.untranslated, []);
  });

  it("writes one template per region: the stack's, and us-east-1 for the edge", () => {
    assert.deepEqual(Object.keys(rendering.templates).sort(), ["us-east-1", "us-west-2"]);
    const acls = Object.values(rendering.templates["us-east-1"].Resources).filter((r) => r.Type === "AWS::WAFv2::WebACL");
    assert.deepEqual(acls.map((a) => a.Properties.Scope), ["CLOUDFRONT"], "CloudFront's web ACL lives in us-east-1");
  });

  it("resolves references inside the template: subnets, the VPC and the cluster role are Ref/GetAtt, not literals", () => {
    const resources = rendering.templates["us-west-2"].Resources;
    const cluster = Object.values(resources).find((r) => r.Type === "AWS::EKS::Cluster")!;
    assert.ok(cluster.Properties.ResourcesVpcConfig.SubnetIds.every((s: unknown) => typeof s === "object"), JSON.stringify(cluster.Properties.ResourcesVpcConfig));
    assert.deepEqual(Object.keys(cluster.Properties.RoleArn), ["Fn::GetAtt"]);
    const text = JSON.stringify(rendering.templates["us-west-2"]);
    assert.doesNotMatch(text, /"subnet-[0-9a-f]{17}"/, "no subnet id stays literal");
  });
});
