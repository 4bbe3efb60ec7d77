/**
 * Config validation of the data tier: every AWS rule and prod rule rejects bad input with a problem
 * naming the full key, the value and what is allowed.
 */
import { strict as assert } from "node:assert";
import { readPlatformConfig } from "../load";
import { configProblems } from "../testing";

const base = {
  "aws:region": "us-west-2",
  "platform:profile": "dev",
  "platform:name": "medsearch",
  "platform:tags": JSON.stringify({ owner: "platform-team", costCenter: "cc-1" }),
};
const prod = { ...base, "platform:profile": "prod" };
const json = (o: object) => JSON.stringify(o);
const svc = (secrets: string[]) => ({
  name: "api", namespace: "apps", port: 8080, replicas: { min: 1, max: 3 }, cpu: 256, memory: 512, volumes: [], buckets: [], secrets, queues: [],
});

const problems = configProblems;

describe("data tier config", () => {
  it("gives dev and prod a database and a cache from the profile, and no messaging", () => {
    const dev = readPlatformConfig(base, "dev");
    const p = readPlatformConfig(prod, "prod");
    assert.deepEqual([dev.database.enabled, dev.cache.enabled, dev.messaging.engine], [true, true, "none"]);
    assert.deepEqual([dev.database.multiAz, dev.database.deletionProtection, dev.database.instanceClass], [false, false, "db.t4g.micro"]);
    assert.deepEqual([p.database.multiAz, p.database.deletionProtection, p.database.finalSnapshot, p.database.protect, p.database.readReplicas], [true, true, true, true, 1]);
    assert.deepEqual([p.cache.automaticFailover, p.cache.multiAz, p.cache.replicasPerShard, p.cache.protect], [true, true, 1, true]);
  });

  it("turns a store off only when told: enabled false, engine none", () => {
    const c = readPlatformConfig({ ...base, "platform:database": json({ enabled: false }), "platform:cache": json({ enabled: false }) }, "dev");
    assert.deepEqual([c.database.enabled, c.cache.enabled], [false, false]);
  });

  it("fills a chosen messaging engine's settings from the profile", () => {
    const c = readPlatformConfig({ ...prod, "platform:messaging": json({ engine: "kafka" }) }, "prod");
    assert.deepEqual([c.messaging.kafka.brokerCount, c.messaging.kafka.instanceType, c.messaging.kafka.volumeSizeGiB], [3, "kafka.m5.large", 1000]);
  });

  describe("rejects, naming the key, the value and what is allowed", () => {
    const cases: Array<[string, Record<string, string>, string, RegExp]> = [
      ["read replicas while backups are off", { "platform:database": json({ readReplicas: 1, backupRetentionDays: 0 }) }, "platform:database.readReplicas", /backupRetentionDays > 0/],
      ["3 Kafka brokers over 2 AZs", { "platform:messaging": json({ engine: "kafka", kafka: { brokerCount: 3 } }) }, "platform:messaging.kafka.brokerCount", /a multiple of 2, the AZs the brokers spread over/],
      ["an unsupported PostgreSQL major", { "platform:database": json({ engineVersion: "15" }) }, "platform:database.engineVersion", /a PostgreSQL major \(17 or 18: the newest minor, kept current\) or a minor RDS creates instances on: 17\.5 to 17\.9, 18\.1 to 18\.3/],
      ["a PostgreSQL minor RDS no longer creates", { "platform:database": json({ engineVersion: "17.2" }) }, "platform:database.engineVersion", /a minor RDS creates instances on: 17\.5 to 17\.9/],
      ["an unsupported cache version", { "platform:cache": json({ engine: "redis", engineVersion: "6.2" }) }, "platform:cache.engineVersion", /a redis version ElastiCache offers and the platform runs: 7\.0, 7\.1/],
      ["a Kafka version MSK no longer offers", { "platform:messaging": json({ engine: "kafka", kafka: { version: "3.5.1" } }) }, "platform:messaging.kafka.version", /"3.9.x"/],
      ["a RabbitMQ version Amazon MQ no longer offers", { "platform:messaging": json({ engine: "rabbitmq", rabbitmq: { engineVersion: "3.12" } }) }, "platform:messaging.rabbitmq.engineVersion", /"4.2", "3.13"/],
      ["a Performance Insights retention RDS does not accept", { "platform:database": json({ performanceInsightsRetentionDays: 30 }) }, "platform:database.performanceInsightsRetentionDays", /7, 731, or 31 × months/],
      ["a backup retention over 35 days", { "platform:database": json({ backupRetentionDays: 36 }) }, "platform:database.backupRetentionDays", /at most 35/],
      ["a cache with failover and a single node", { "platform:cache": json({ automaticFailover: true, replicasPerShard: 0 }) }, "platform:cache.automaticFailover", /at least 2 nodes per shard/],
      ["Multi-AZ without failover", { "platform:cache": json({ multiAz: true }) }, "platform:cache.multiAz", /unless automaticFailover/],
      ["cluster mode without failover", { "platform:cache": json({ clusterMode: true }) }, "platform:cache.clusterMode", /requires automatic failover/],
      ["shards without cluster mode", { "platform:cache": json({ shards: 3 }) }, "platform:cache.shards", /1 unless clusterMode/],
      ["a cache with snapshots off", { "platform:cache": json({ snapshotRetentionDays: 0 }) }, "platform:cache.snapshotRetentionDays", /ElastiCache.1/],
      ["an autoscaling ceiling under 10% above the storage", { "platform:database": json({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: 105 }) }, "platform:database.maxAllocatedStorageGiB", /at least 110/],
      ["a backup window overlapping maintenance", { "platform:database": json({ backupWindow: "04:00-05:00" }) }, "platform:database.backupWindow", /does not overlap maintenanceWindow sun:04:30-sun:05:30/],
      ["a backup window under 30 minutes", { "platform:database": json({ backupWindow: "03:00-03:20" }) }, "platform:database.backupWindow", /at least 30 minutes/],
      ["a snapshot window under 60 minutes", { "platform:cache": json({ snapshotWindow: "02:00-02:30" }) }, "platform:cache.snapshotWindow", /at least 60 minutes/],
      ["a window that is not one", { "platform:database": json({ maintenanceWindow: "sunday 4am" }) }, "platform:database.maintenanceWindow", /ddd:hh:mm-ddd:hh:mm/],
      ["a RabbitMQ broker type Amazon MQ does not run it on", { "platform:messaging": json({ engine: "rabbitmq", rabbitmq: { instanceType: "mq.t3.micro" } }) }, "platform:messaging.rabbitmq.instanceType", /mq.m7g/],
      ["the forbidden RabbitMQ user guest", { "platform:messaging": json({ engine: "rabbitmq", rabbitmq: { username: "guest" } }) }, "platform:messaging.rabbitmq.username", /any name but guest/],
      ["a Kafka ceiling under the initial storage", { "platform:messaging": json({ engine: "kafka", kafka: { volumeSizeGiB: 600 } }) }, "platform:messaging.kafka.maxVolumeSizeGiB", /at least volumeSizeGiB \(600\)/],
      ["a database without database subnets", { "platform:network": json({ subnets: { database: { enabled: false, prefixLength: 24 } } }) }, "platform:database.enabled", /network.subnets.database.enabled/],
      ["an unknown database key", { "platform:database": json({ password: "hunter2" }) }, "platform:database.password", /no such key/],
      ["a service reading a secret of a store the stack lacks", { "platform:database": json({ enabled: false }), "platform:services": json([svc(["database"])]) }, "platform:services[0].secrets[0]", /creates only: cache/],
      ["a service reading a Kafka secret", { "platform:messaging": json({ engine: "kafka" }), "platform:services": json([svc(["messaging"])]) }, "platform:services[0].secrets[0]", /authenticate with IAM/],
    ];
    for (const [what, override, key, allowed] of cases) {
      it(what, () => {
        const ps = problems({ ...base, ...override });
        const p = ps.find((x) => x.key === key);
        assert.ok(p, `expected a problem at ${key}, got ${JSON.stringify(ps)}`);
        assert.match(p.allowed, allowed);
      });
    }

    it("prod with the database's Multi-AZ, deletion protection, final snapshot or protect off, or short backups", () => {
      const ps = problems({ ...prod, "platform:database": json({ multiAz: false, deletionProtection: false, finalSnapshot: false, protect: false, backupRetentionDays: 3 }) });
      assert.deepEqual(ps.map((p) => p.key), [
        "platform:database.multiAz", "platform:database.deletionProtection", "platform:database.finalSnapshot", "platform:database.protect", "platform:database.backupRetentionDays",
      ]);
      assert.match(ps[0].allowed, /true when profile is prod: Multi-AZ is mandatory in prod/);
    });

    it("prod with a cache that cannot fail over", () => {
      const ps = problems({ ...prod, "platform:cache": json({ automaticFailover: false, multiAz: false }) });
      assert.deepEqual(ps.map((p) => p.key), ["platform:cache.automaticFailover", "platform:cache.multiAz"]);
    });

    it("prod with a single-instance RabbitMQ broker or an unprotected Kafka cluster", () => {
      assert.deepEqual(problems({ ...prod, "platform:messaging": json({ engine: "rabbitmq", rabbitmq: { deploymentMode: "SINGLE_INSTANCE" } }) }).map((p) => p.key), ["platform:messaging.rabbitmq.deploymentMode"]);
      assert.deepEqual(problems({ ...prod, "platform:messaging": json({ engine: "kafka", kafka: { protect: false } }) }).map((p) => p.key), ["platform:messaging.kafka.protect"]);
    });

    it("the value given, in the message", () => {
      assert.throws(() => readPlatformConfig({ ...base, "platform:database": json({ readReplicas: 2, backupRetentionDays: 0 }) }, "dev"), /platform:database\.readReplicas: got 2; allowed: 0 while backupRetentionDays is 0/);
    });
  });

  it("ignores the settings of a store that is off, and of the messaging engine not chosen", () => {
    const c = readPlatformConfig({
      ...base,
      "platform:database": json({ enabled: false, engineVersion: "9.6" }),
      "platform:messaging": json({ engine: "kafka", rabbitmq: { instanceType: "mq.t3.micro" } }),
    }, "dev");
    assert.equal(c.database.enabled, false);
  });
});
