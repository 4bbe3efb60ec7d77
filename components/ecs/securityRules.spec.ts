import { strict as assert } from "node:assert";
import fc from "fast-check";
import { instanceEgress, tasksEgress, tasksIngress, uniquePorts } from "./securityRules";

describe("ECS security group rules", () => {
  it("admit tasks only from each other, once per service port, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 65535 }), { maxLength: 12 }), (ports) => {
        const rules = tasksIngress(ports);
        assert.deepEqual(rules.map((r) => r.fromPort), uniquePorts(ports));
        for (const r of rules) {
          assert.equal(r.self, true);
          assert.equal(r.cidrBlocks, undefined);
          assert.equal(r.fromPort, r.toPort);
        }
      }),
    );
  });

  it("admit the AI app's Cloud Map calls: backend to redis, ai to qdrant", () => {
    assert.deepEqual(tasksIngress([3000, 5001, 8000, 6379, 6333, 6379]).map((r) => r.fromPort), [3000, 5001, 6333, 6379, 8000]);
  });

  it("let tasks out on HTTPS anywhere and TCP only inside the VPC", () => {
    assert.deepEqual(tasksEgress("10.0.0.0/16").map((r) => [r.protocol, r.fromPort, r.toPort, r.cidrBlocks]), [
      ["tcp", 443, 443, ["0.0.0.0/0"]],
      ["tcp", 0, 65535, ["10.0.0.0/16"]],
    ]);
  });

  it("let container instances out on HTTPS, and on NFS inside the VPC for the EFS mounts the agent makes", () => {
    assert.deepEqual(instanceEgress("10.0.0.0/16").map((r) => [r.protocol, r.fromPort, r.toPort, r.cidrBlocks]), [["tcp", 443, 443, ["0.0.0.0/0"]], ["tcp", 2049, 2049, ["10.0.0.0/16"]]]);
  });
});
