import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { check, dependsOn, fixture, replace, withOutputs } from "../../test/fixtures";
import { alarm, criticalTopic, rdsInstance, replicationGroup, warningTopic, watchedStack } from "../../test/monitoringFixtures";
import { requireCriticalAlarms } from "./requireCriticalAlarms";

const messages = async (resources: Parameters<typeof check>[1]) => (await check(requireCriticalAlarms, resources)).map((v) => v.message);
const byName = (name: string) => watchedStack().find((r) => r.name === name)!;

describe("cloudwatch-require-critical-alarms", () => {
  it("passes an RDS instance, a replication group, a RabbitMQ broker and an MSK cluster, each with an alarm paging the critical topic", async () => {
    assert.deepEqual(await messages(watchedStack()), []);
  });

  it("flags an RDS instance whose only alarm goes to the warning topic", async () => {
    const warned = alarm("database-cpu-1", { DBInstanceIdentifier: "medsearch-db" }, warningTopic);
    const vs = await check(requireCriticalAlarms, replace(watchedStack(), warned));
    assert.deepEqual(vs.map((v) => [v.message, v.urn]), [
      ["RDS instance medsearch-db has no alarm that pages a critical topic; add it to the monitoring tier's targets.", rdsInstance.urn],
    ]);
  });

  it("flags an RDS instance nobody watches (a second instance next to a watched one)", async () => {
    const replica = fixture("aws:rds/instance:Instance", "db-replica", { outputs: { identifier: "medsearch-db-replica-1" } });
    assert.deepEqual(await messages([...watchedStack(), replica]), ["RDS instance medsearch-db-replica-1 has no alarm that pages a critical topic; add it to the monitoring tier's targets."]);
  });

  it("flags a replication group when its alarm watches another group's node", async () => {
    const other = alarm("cache-memory-1", { CacheClusterId: "billing-redis-001" });
    assert.deepEqual(await messages(replace(watchedStack(), other)), ["cache replication group medsearch-redis has no alarm that pages a critical topic; add it to the monitoring tier's targets."]);
  });

  it("flags a broker when the critical topic lost its Severity tag", async () => {
    const vs = await messages(replace(watchedStack(), withOutputs(criticalTopic, { tags: {} })));
    assert.equal(vs.length, 4);
    assert.match(vs.join("\n"), /Amazon MQ broker medsearch-mq has no alarm/);
  });

  it("flags an MSK cluster without any alarm", async () => {
    const vs = await messages(watchedStack().filter((r) => r.name !== "kafka-disk-used-broker-1"));
    assert.deepEqual(vs, ["MSK cluster medsearch-msk has no alarm that pages a critical topic; add it to the monitoring tier's targets."]);
  });

  it("matches a node by the group's member prefix when memberClusters is not known yet", async () => {
    const group = withOutputs(replicationGroup, { memberClusters: unknownValue });
    assert.deepEqual(await messages(replace(watchedStack(), group)), []);
  });

  it("matches by dependency when the alarm's dimensions are not known yet (preview)", async () => {
    const previewAlarm = { ...withOutputs(byName("database-cpu-1"), { dimensions: unknownValue }), ...dependsOn({ dimensions: [rdsInstance.urn], alarmActions: [criticalTopic.urn] }) };
    assert.deepEqual(await messages(replace(watchedStack(), previewAlarm)), []);
  });

  it("does not count an ElastiCache cluster that belongs to a replication group on its own", async () => {
    const member = fixture("aws:elasticache/cluster:Cluster", "redis-001", { outputs: { clusterId: "medsearch-redis-001", replicationGroupId: "medsearch-redis" } });
    assert.deepEqual(await messages([...watchedStack(), member]), []);
  });

  it("asks nothing of a stack without stateful resources", async () => {
    assert.deepEqual(await messages([criticalTopic, warningTopic]), []);
  });
});
