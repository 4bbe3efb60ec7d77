import { strict as assert } from "node:assert";
import fc from "fast-check";
import { cacheMemberIds, elbArnSuffix, postgresMaxConnections } from "./monitoring";

describe("monitoring wiring", () => {
  it("takes the ELB dimension from a load balancer or target group ARN", () => {
    assert.equal(elbArnSuffix("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/medsearch-alb/50dc6c495c0c9188"), "app/medsearch-alb/50dc6c495c0c9188");
    assert.equal(elbArnSuffix("arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/user-tg/73e2d6bc24d8a067"), "targetgroup/user-tg/73e2d6bc24d8a067");
    assert.throws(() => elbArnSuffix("arn:aws:s3:::bucket"), /not a load balancer or target group ARN/);
  });

  it("names one member per node, <group>-NNN without cluster mode and <group>-SSSS-NNN with it, all distinct", () => {
    fc.assert(fc.property(fc.boolean(), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 5 }), (clusterMode, shards, replicasPerShard) => {
      const ids = cacheMemberIds("g", { clusterMode, shards, replicasPerShard });
      assert.equal(ids.length, (clusterMode ? shards : 1) * (1 + replicasPerShard));
      assert.equal(new Set(ids).size, ids.length);
      for (const id of ids) assert.match(id, clusterMode ? /^g-\d{4}-\d{3}$/ : /^g-\d{3}$/);
    }));
    assert.deepEqual(cacheMemberIds("g", { clusterMode: false, shards: 1, replicasPerShard: 1 }), ["g-001", "g-002"]);
    assert.deepEqual(cacheMemberIds("g", { clusterMode: true, shards: 2, replicasPerShard: 1 }), ["g-0001-001", "g-0001-002", "g-0002-001", "g-0002-002"]);
  });

  for (const [instanceClass, expected] of [
    ["db.t3.medium", 450], ["db.t4g.micro", 112], ["db.m6g.large", 901], ["db.r6g.large", 1802], ["db.r5.2xlarge", 5000], ["db.x2g.large", 3604],
  ] as const) {
    it(`sizes max_connections of ${instanceClass} as LEAST(memory/9531392, 5000) = ${expected}`, () => {
      assert.equal(postgresMaxConnections(instanceClass), expected);
    });
  }

  it("refuses an instance class it cannot size, naming the key", () => {
    assert.throws(() => postgresMaxConnections("db.serverless"), /platform:database\.instanceClass: got db\.serverless; allowed:/);
  });
});
