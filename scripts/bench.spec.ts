import { strict as assert } from "node:assert";
import { BARE_SDK_LOAD, report } from "./bench";

describe("bench report", () => {
  const ratio = { pairs: [{ plan: 3, bare: 1.5, ratio: 2 }, { plan: 2.8, bare: 1.5, ratio: 1.87 }, { plan: 2.9, bare: 1.4, ratio: 2.07 }], median: 2 };
  const rows = [
    { services: 7, resources: 300, planMs: 1500, cpuMs: 1400, peakMb: 230, msPerResource: 5 },
    { services: 70, resources: 700, planMs: 4550, cpuMs: 4000, peakMb: 290, msPerResource: 6.5 },
  ];

  it("compares with the issue's bare load of the six SDK packages", () => {
    assert.equal(BARE_SDK_LOAD, "require('@pulumi/pulumi');require('@pulumi/aws');require('@pulumi/awsx');require('@pulumi/eks');require('@pulumi/kubernetes');require('@pulumi/policy')");
  });

  it("prints the median ratio with every pair, the suites, and ms per resource at the largest stack against the smallest", () => {
    const lines = report(ratio, [{ script: "test", seconds: 55.2, summary: "2268 passing", ok: true }, { script: "test:all", seconds: 110, summary: "1 failing", ok: false }], rows);
    assert.ok(lines.some((l) => /median ratio 2\.00 \(target <= 2\.0\)/.test(l)));
    assert.equal(lines.filter((l) => /^ {2}round \d: npm run plan/.test(l)).length, 3);
    assert.ok(lines.includes("  npm test: 55.2 s (2268 passing)"));
    assert.ok(lines.includes("  npm run test:all: 110.0 s (1 failing; FAILED)"));
    assert.ok(lines.includes("  ms/resource at 70 services is 1.30x that at 7 (target <= 1.3)"));
  });
});
