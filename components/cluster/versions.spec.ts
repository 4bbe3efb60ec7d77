import { strict as assert } from "node:assert";
import { requireSupportedVersion } from "../../policy-pack/policies/eks/requireSupportedVersion";
import { ADDON_VERSION_PATTERN, STANDARD_SUPPORT, SUPPORTED_KUBERNETES_VERSIONS, describeSupportedVersions, isSupportedKubernetesVersion } from "./versions";

describe("Kubernetes versions", () => {
  const table: Array<[string, boolean]> = [
    ["1.37", true],
    ["1.36", true],
    ["1.35", true],
    ["1.34", false],
    ["1.33", false],
    ["1.29", false],
    ["1.35.1", false],
    ["toString", false],
  ];
  for (const [v, ok] of table) {
    it(`${v} is ${ok ? "" : "not "}in standard support`, () => assert.equal(isSupportedKubernetesVersion(v), ok));
  }

  it("lists each version with the day its standard support ends, none ended by the day the list was checked", () => {
    assert.match(describeSupportedVersions(), /1\.35 \(standard support until 2027-03-27\), 1\.36 \(standard support until 2027-08-02\), 1\.37 \(standard support until 2027-12-01\)/);
    for (const [v, s] of Object.entries(STANDARD_SUPPORT)) assert.ok(s.until > s.checked, `${v}: standard support ended ${s.until}, before ${s.checked}`);
  });

  it("has the policy pack's floor: the oldest version accepted is eks-require-supported-version's default oldestSupportedVersion", () => {
    const floor = (requireSupportedVersion.configSchema!.properties!.oldestSupportedVersion as { default: string }).default;
    const oldest = [...SUPPORTED_KUBERNETES_VERSIONS].sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]))[0];
    assert.equal(oldest, floor);
  });

  it("accepts exact add-on builds or default, nothing else", () => {
    for (const v of ["default", "v1.19.2-eksbuild.1", "v0.7.2-eksbuild.3"]) assert.match(v, ADDON_VERSION_PATTERN);
    for (const v of ["latest", "1.19.2", "v1.19.2", ""]) assert.doesNotMatch(v, ADDON_VERSION_PATTERN);
  });
});
