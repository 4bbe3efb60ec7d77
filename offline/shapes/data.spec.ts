import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { MockCloud } from "../mockCloud";

const create = (type: string, name: string, inputs: Record<string, unknown> = {}) =>
  new MockCloud("us-west-2").newResource({ type, name, inputs, custom: true, provider: "", id: "" } as never);

describe("mock cloud: data tier shapes", () => {
  const limits: Array<[string, number, string]> = [
    ["aws:rds/instance:Instance", 63, "identifier"],
    ["aws:elasticache/replicationGroup:ReplicationGroup", 40, "replicationGroupId"],
    ["aws:msk/cluster:Cluster", 64, "clusterName"],
    ["aws:mq/broker:Broker", 50, "brokerName"],
  ];
  for (const [type, limit, prop] of limits) {
    it(`rejects ${prop} over ${limit} characters, auto-named or explicit, for ${type}`, () => {
      assert.equal(create(type, "a".repeat(limit - 8)).state[prop].length, limit);
      assert.throws(() => create(type, "a".repeat(limit - 7)), new RegExp(`the limit is ${limit}`));
      assert.throws(() => create(type, "x", { [prop]: "b".repeat(limit + 1) }), new RegExp(`the limit is ${limit}`));
    });
  }

  it("answers RDS with the managed master secret, encrypted with the key asked for", () => {
    const db = create("aws:rds/instance:Instance", "db", { identifier: "app-db", manageMasterUserPassword: true, masterUserSecretKmsKeyId: "arn:key" }).state;
    assert.match(db.masterUserSecrets[0].secretArn, /^arn:aws:secretsmanager:us-west-2:123456789012:secret:rds!db-[0-9a-f-]{36}-[0-9a-f]{6}$/);
    assert.equal(db.masterUserSecrets[0].kmsKeyId, "arn:key");
    assert.match(db.endpoint, /^app-db\.c[0-9a-f]+\.us-west-2\.rds\.amazonaws\.com:5432$/);
  });

  it("answers ElastiCache with the endpoints of its mode", () => {
    const plain = create("aws:elasticache/replicationGroup:ReplicationGroup", "g", { clusterMode: "disabled", numCacheClusters: 2 }).state;
    assert.match(plain.primaryEndpointAddress, /^master\./);
    assert.equal(plain.configurationEndpointAddress, undefined);
    const cluster = create("aws:elasticache/replicationGroup:ReplicationGroup", "c", { clusterMode: "enabled", numNodeGroups: 3, replicasPerNodeGroup: 1 }).state;
    assert.match(cluster.configurationEndpointAddress, /^clustercfg\./);
    assert.equal(cluster.memberClusters.length, 6);
  });

  it("answers random.RandomPassword with a secret result of the requested length and alphabet", () => {
    const r = create("random:index/randomPassword:RandomPassword", "t", { length: 40, special: true, overrideSpecial: "!&#" }).state.result;
    assert.equal(r[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig);
    assert.match(r.value, /^[A-Za-z0-9!&#]{40}$/);
  });
});
