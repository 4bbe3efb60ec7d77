import { strict as assert } from "node:assert";
import fc from "fast-check";
import { amiType, architectureOf, architecturesOf, eksTaints, instanceFamilies, kubernetesArchitectures, rootVolume, scalingProblems } from "./nodeGroups";

describe("node group settings", () => {
  it("accept exactly the scaling triples with min ≤ desired ≤ max", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), (minSize, desiredSize, maxSize) => {
        const ok = minSize <= desiredSize && desiredSize <= maxSize;
        assert.equal(scalingProblems({ minSize, desiredSize, maxSize }).length === 0, ok);
      }),
    );
  });

  it("name minSize when it exceeds maxSize", () => {
    assert.deepEqual(scalingProblems({ minSize: 5, desiredSize: 5, maxSize: 3 }).map(([f]) => f), ["minSize", "desiredSize"]);
  });

  it("spell taint effects the way the EKS API does", () => {
    assert.deepEqual(eksTaints([{ key: "CriticalAddonsOnly", value: "true", effect: "NoSchedule" }, { key: "gpu", value: "true", effect: "NoExecute" }]), [
      { key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" },
      { key: "gpu", value: "true", effect: "NO_EXECUTE" },
    ]);
  });

  it("use AL2023 AMIs, the NVIDIA variant only for the GPU group", () => {
    assert.equal(amiType("system"), "AL2023_x86_64_STANDARD");
    assert.equal(amiType("application"), "AL2023_x86_64_STANDARD");
    assert.equal(amiType("gpu"), "AL2023_x86_64_NVIDIA");
  });

  it("use the ARM_64 AL2023 AMIs for Graviton instance types", () => {
    assert.equal(amiType("system", ["t4g.medium"]), "AL2023_ARM_64_STANDARD");
    assert.equal(amiType("application", ["m7g.large", "c7g.large"]), "AL2023_ARM_64_STANDARD");
    assert.equal(amiType("gpu", ["g5g.xlarge"]), "AL2023_ARM_64_NVIDIA");
    assert.equal(amiType("system", ["t3.medium"]), "AL2023_x86_64_STANDARD");
  });

  it("tell Graviton (arm64) families from x86_64 ones by the g after the generation digit", () => {
    const table: Array<[string, string]> = [
      ["t4g.small", "arm64"], ["m6gd.large", "arm64"], ["c6gn.xlarge", "arm64"], ["r8g.large", "arm64"], ["g5g.xlarge", "arm64"], ["a1.large", "arm64"], ["im4gn.large", "arm64"],
      ["t3.large", "x86_64"], ["t3a.large", "x86_64"], ["m7i-flex.large", "x86_64"], ["g5.xlarge", "x86_64"], ["c5.2xlarge", "x86_64"], ["inf2.xlarge", "x86_64"],
    ];
    for (const [type, arch] of table) assert.equal(architectureOf(type), arch, type);
    assert.deepEqual(architecturesOf(["t3.large", "t4g.large", "t3a.large"]), ["x86_64", "arm64"]);
  });

  it("name those architectures as the kubernetes.io/arch label does (amd64 for x86_64), once each", () => {
    assert.deepEqual(kubernetesArchitectures(["t4g.large", "m6g.large"]), ["arm64"]);
    assert.deepEqual(kubernetesArchitectures(["t3.large", "t3a.large"]), ["amd64"]);
    assert.deepEqual(kubernetesArchitectures(["c5.2xlarge", "c7g.2xlarge"]), ["amd64", "arm64"]);
  });

  it("give every node an encrypted gp3 root volume on the given key", () => {
    const v = rootVolume(50, "arn:aws:kms:us-west-2:123456789012:key/k");
    assert.deepEqual(v.ebs, { volumeSize: 50, volumeType: "gp3", encrypted: "true", kmsKeyId: "arn:aws:kms:us-west-2:123456789012:key/k", deleteOnTermination: "true" });
  });

  it("reads instance families as everything before the dot, each once in first-seen order", () => {
    assert.deepEqual(instanceFamilies(["c5.2xlarge", "c5.4xlarge", "m7i-flex.large", "t3a.large"]), ["c5", "m7i-flex", "t3a"]);
    assert.deepEqual(instanceFamilies([]), []);
  });
});
