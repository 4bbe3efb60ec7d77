import { strict as assert } from "node:assert";
import { ADDON_VERSION_PATTERN, STANDARD_SUPPORT, describeSupportedVersions, isSupportedKubernetesVersion } from "./versions";

describe("Kubernetes versions", () => {
  const table: Array<[string, boolean]> = [
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

  it("lists each version with the day its standard support ends, none ended by 2026-12-03", () => {
    assert.match(describeSupportedVersions(), /1\.35 \(standard support until 2027-03-27\)/);
    for (const end of Object.values(STANDARD_SUPPORT)) assert.ok(end > "2026-12-03", end);
  });

  it("accepts exact add-on builds or default, nothing else", () => {
    for (const v of ["default", "v1.19.2-eksbuild.1", "v0.7.2-eksbuild.3"]) assert.match(v, ADDON_VERSION_PATTERN);
    for (const v of ["latest", "1.19.2", "v1.19.2", ""]) assert.doesNotMatch(v, ADDON_VERSION_PATTERN);
  });
});
