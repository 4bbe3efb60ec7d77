import { strict as assert } from "node:assert";
import { join } from "node:path";
import { ROOT } from "./helpers";
import { findRemoteOutputReads, sourceFiles } from "./remoteOutputs";

describe("remote component outputs", function () {
  this.timeout(120000);
  const sources = [...sourceFiles(join(ROOT, "components")), ...sourceFiles(join(ROOT, "stacks"))];
  const fixture = join(ROOT, "test/fixtures/remoteOutputMisuse.ts");
  // Both checks in one program: the fixture imports nothing the sources do not.
  const roots = [...sources, fixture];

  it("the program reads only plain outputs (ids, id lists) of awsx and eks components", () => {
    assert.deepEqual(findRemoteOutputReads(sources, roots), []);
  });

  it("flags reads of resource-typed outputs, which are fake under mocks", () => {
    const reads = findRemoteOutputReads([fixture], roots);
    assert.deepEqual(reads.map((r) => `${r.component}.${r.property}`), ["@pulumi/awsx/ec2/vpc:Vpc.routeTables", "@pulumi/awsx/ec2/vpc:Vpc.subnets"]);
  });
});
