import { strict as assert } from "node:assert";
import { join } from "node:path";
import { ROOT } from "./helpers";
import { findRemoteOutputReads, sourceFiles } from "./remoteOutputs";

describe("remote component outputs", function () {
  this.timeout(120000);

  it("the program reads only plain outputs (ids, id lists) of awsx and eks components", () => {
    const files = [...sourceFiles(join(ROOT, "components")), ...sourceFiles(join(ROOT, "stacks"))];
    assert.deepEqual(findRemoteOutputReads(files), []);
  });

  it("flags reads of resource-typed outputs, which are fake under mocks", () => {
    const reads = findRemoteOutputReads([join(ROOT, "test/fixtures/remoteOutputMisuse.ts")]);
    assert.deepEqual(reads.map((r) => `${r.component}.${r.property}`), ["@pulumi/awsx/ec2/vpc:Vpc.routeTables", "@pulumi/awsx/ec2/vpc:Vpc.subnets"]);
  });
});
