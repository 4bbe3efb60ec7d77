import { strict as assert } from "node:assert";
import fc from "fast-check";
import { ECS_CLUSTER_DEFAULTS, EcsClusterSettings } from "./presets";
import {
  ECS_AMI_PARAMETER, INSTANCE_METADATA_OPTIONS, RESERVED_CAPACITY_PROVIDER_PREFIXES, availabilityZoneProblem, capacityProblem, capacityProblems, capacityProviderName,
  checkEcsClusterArgs, ecsAgentConfig, ecsNameProblem, insightsLogGroupName, namespaceProblem, resolveEcsClusterArgs, userData,
} from "./settings";

const valid: EcsClusterSettings = { instanceType: "t3.large", minSize: 1, maxSize: 5, targetCapacityPercent: 100, diskSizeGiB: 30 };

describe("ECS cluster settings", () => {
  it("accept exactly min ≤ max with a target of 1 to 100 percent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: -5, max: 110 }), (minSize, maxSize, targetCapacityPercent) => {
        const ok = minSize <= maxSize && targetCapacityPercent >= 1 && targetCapacityPercent <= 100;
        assert.equal(capacityProblems({ ...valid, minSize, maxSize, targetCapacityPercent }).length === 0, ok);
      }),
    );
  });

  const bad: Array<[string, Partial<EcsClusterSettings>, string]> = [
    ["min above max", { minSize: 6, maxSize: 5 }, "minSize"],
    ["target 0", { targetCapacityPercent: 0 }, "targetCapacityPercent"],
    ["target 101", { targetCapacityPercent: 101 }, "targetCapacityPercent"],
    ["a fractional target", { targetCapacityPercent: 50.5 }, "targetCapacityPercent"],
    ["no instances at all", { maxSize: 0, minSize: 0 }, "maxSize"],
    ["a disk smaller than the AMI", { diskSizeGiB: 20 }, "diskSizeGiB"],
    ["a made-up instance type", { instanceType: "large" }, "instanceType"],
  ];
  for (const [what, change, field] of bad) {
    it(`reject ${what}, naming ${field}`, () => {
      assert.ok(capacityProblems({ ...valid, ...change }).some(([f]) => f === field));
      assert.match(capacityProblem({ ...valid, ...change }) ?? "", new RegExp(`ECS capacity: .*${field}`));
    });
  }

  it("name the capacity provider so it never starts with aws, ecs or fargate and fits 255", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,300}$/), (cluster) => {
        const name = capacityProviderName(cluster);
        assert.ok(name.length <= 255);
        assert.ok(!RESERVED_CAPACITY_PROVIDER_PREFIXES.some((p) => name.toLowerCase().startsWith(p)), name);
      }),
    );
    assert.equal(capacityProviderName("ecsai-prod"), "cp-ecsai-prod");
  });

  const names: Array<[string, boolean]> = [["ecsai-prod", true], ["a_b", true], ["x".repeat(255), true], ["x".repeat(256), false], ["", false], ["ecsai.prod", false], ["has space", false]];
  for (const [name, ok] of names) {
    it(`${ok ? "accept" : "reject"} the ECS name "${name.length > 20 ? `${name.slice(0, 8)}… (${name.length})` : name}"`, () => {
      if (ok) assert.equal(ecsNameProblem(name, "cluster"), undefined);
      else assert.match(ecsNameProblem(name, "cluster") ?? "", /ECS rejects the cluster name/);
    });
  }

  const namespaces: Array<[string, boolean]> = [["ecsai-prod.local", true], ["svc.internal.example", true], ["Upper.local", false], ["-bad.local", false], ["a..b", false], [`${"a".repeat(63)}.`.repeat(4) + "local", false]];
  for (const [name, ok] of namespaces) {
    it(`${ok ? "accept" : "reject"} the namespace "${name.length > 30 ? `${name.slice(0, 10)}… (${name.length})` : name}"`, () => {
      if (ok) assert.equal(namespaceProblem(name), undefined);
      else assert.match(namespaceProblem(name) ?? "", /Cloud Map rejects the namespace name/);
    });
  }

  it("need two AZs", () => {
    assert.match(availabilityZoneProblem(1) ?? "", /at least 2 AZs \(an ALB needs 2\); got 1/);
    assert.equal(availabilityZoneProblem(2), undefined);
  });

  it("require IMDSv2 with a hop limit of 1, so tasks cannot reach instance credentials", () => {
    assert.deepEqual(INSTANCE_METADATA_OPTIONS, { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
  });

  it("read the recommended AL2023 ECS-optimized AMI", () => assert.equal(ECS_AMI_PARAMETER, "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"));

  it("put Container Insights logs where CloudWatch writes them", () => assert.equal(insightsLogGroupName("ecsai-prod"), "/aws/ecs/containerinsights/ecsai-prod/performance"));

  it("write the agent configuration in base64 user data: cluster, IMDS blocked for tasks, no privileged containers", () => {
    const script = Buffer.from(userData("ecsai-prod"), "base64").toString("utf8");
    assert.ok(script.startsWith("#!/bin/bash\n"));
    for (const line of ecsAgentConfig("ecsai-prod")) assert.ok(script.includes(`\n${line}\n`), line);
    assert.deepEqual(ecsAgentConfig("ecsai-prod").slice(0, 3), ["ECS_CLUSTER=ecsai-prod", "ECS_AWSVPC_BLOCK_IMDS=true", "ECS_DISABLE_PRIVILEGED=true"]);
    assert.ok(script.includes(">> /etc/ecs/ecs.config <<'EOF'"));
  });
});

describe("resolveEcsClusterArgs", () => {
  const required = { vpcId: "vpc-1", vpcCidr: "10.0.0.0/16", privateSubnetIds: ["subnet-a", "subnet-b"], account: { accountId: "123456789012", partition: "aws", region: "us-west-2" }, kmsKeyArns: { data: "d", logs: "l" } };

  it("fills every omitted field: the prod capacity, the component's name, <name>.local, no ports, 90 days", () => {
    const r = resolveEcsClusterArgs("Orders_Api", required);
    assert.deepEqual(r, {
      ...ECS_CLUSTER_DEFAULTS, clusterName: "Orders_Api", serviceDiscoveryNamespace: "orders-api.local", servicePorts: [], insightsLogRetentionDays: 90, azCount: 2,
    });
  });

  it("takes what the caller gives, and counts AZs from availabilityZones before subnets", () => {
    const r = resolveEcsClusterArgs("x", { ...required, minSize: 0, instanceType: "t3.large", availabilityZones: ["a", "b", "c"], insightsLogRetentionDays: 7 });
    assert.deepEqual([r.minSize, r.maxSize, r.instanceType, r.azCount, r.insightsLogRetentionDays], [0, ECS_CLUSTER_DEFAULTS.maxSize, "t3.large", 3, 7]);
  });

  it("cannot count AZs from subnets known only at deployment, and then does not guess", () => {
    assert.equal(resolveEcsClusterArgs("x", { ...required, privateSubnetIds: Promise.resolve(["subnet-a"]) }).azCount, undefined);
  });

  it("reports every problem at once, each naming its field", () => {
    const problems = checkEcsClusterArgs({ ...resolveEcsClusterArgs("x", required), minSize: 11, servicePorts: [0, 80], insightsLogRetentionDays: 10, azCount: 1 });
    assert.equal(problems.length, 4);
    assert.match(problems.join("\n"), /2 AZs .*; got 1\nECS capacity: minSize \(11\) must be at most maxSize \(10\)[\s\S]*insightsLogRetentionDays: got 10[\s\S]*servicePorts: got \[0\]/);
    assert.throws(() => resolveEcsClusterArgs("x", { ...required, minSize: 11, servicePorts: [0] }), /minSize \(11\).*; servicePorts: got \[0\]/);
  });
});
