import { strict as assert } from "node:assert";
import fc from "fast-check";
import { PROFILES } from "../profiles";
import {
  CACHE_DEFAULTS, CACHE_PRESETS, DATABASE_DEFAULTS, DATABASE_PRESETS, KAFKA_DEFAULTS, KAFKA_PRESETS, MESSAGING_DEFAULTS, MESSAGING_PRESETS,
  RABBITMQ_DEFAULTS, RABBITMQ_PRESETS, checkCacheSettings, checkDatabaseSettings, checkKafkaSettings, checkMessagingSettings,
  checkRabbitMqSettings, resolveMessagingArgs,
} from "./presets";
import { minMaxAllocatedStorage } from "./postgres";

describe("data presets", () => {
  it("give a direct caller the prod presets; the database leaves out prod's read replica", () => {
    assert.deepEqual(DATABASE_DEFAULTS, { ...DATABASE_PRESETS.prod, readReplicas: 0 });
    assert.deepEqual([CACHE_DEFAULTS, KAFKA_DEFAULTS, RABBITMQ_DEFAULTS, MESSAGING_DEFAULTS], [CACHE_PRESETS.prod, KAFKA_PRESETS.prod, RABBITMQ_PRESETS.prod, MESSAGING_PRESETS.prod]);
  });

  it("default to the guards: Multi-AZ, deletion protection, final snapshots, protect, failover", () => {
    const db = DATABASE_DEFAULTS;
    assert.deepEqual([db.multiAz, db.deletionProtection, db.finalSnapshot, db.protect, db.backupRetentionDays], [true, true, true, true, 7]);
    assert.deepEqual([CACHE_DEFAULTS.automaticFailover, CACHE_DEFAULTS.multiAz, CACHE_DEFAULTS.finalSnapshot, CACHE_DEFAULTS.protect], [true, true, true, true]);
    assert.deepEqual([RABBITMQ_DEFAULTS.deploymentMode, RABBITMQ_DEFAULTS.protect, KAFKA_DEFAULTS.protect], ["CLUSTER_MULTI_AZ", true, true]);
  });

  for (const p of PROFILES) {
    it(`${p}: every preset passes its own checks`, () => {
      assert.deepEqual([
        ...checkDatabaseSettings(DATABASE_PRESETS[p]), ...checkCacheSettings(CACHE_PRESETS[p]), ...checkKafkaSettings(KAFKA_PRESETS[p]),
        ...checkRabbitMqSettings(RABBITMQ_PRESETS[p]), ...checkMessagingSettings(MESSAGING_PRESETS[p]),
      ], []);
    });
  }

  it("accepts a storage ceiling exactly 10% above the allocation and refuses one GiB less", () => {
    fc.assert(fc.property(fc.integer({ min: 20, max: 50000 }), (allocated) => {
      const at = (max: number) => checkDatabaseSettings({ ...DATABASE_DEFAULTS, allocatedStorageGiB: allocated, maxAllocatedStorageGiB: max }).map((x) => x.field);
      assert.deepEqual(at(minMaxAllocatedStorage(allocated)), []);
      assert.deepEqual(at(minMaxAllocatedStorage(allocated) - 1), ["maxAllocatedStorageGiB"]);
    }));
  });

  const windows: Array<[string, string, string[]]> = [
    ["03:00-04:00", "sun:04:30-sun:05:30", []],
    ["04:00-05:00", "sun:04:30-sun:05:30", ["backupWindow"]],
    ["03:00-03:20", "sun:04:30-sun:05:30", ["backupWindow"]],
    ["23:30-00:30", "mon:00:00-mon:01:00", ["backupWindow"]],
    ["3am", "sun:04:30-sun:05:30", ["backupWindow"]],
  ];
  for (const [backup, maintenance, fields] of windows) {
    it(`backup window ${backup} with maintenance ${maintenance}: ${fields.length ? "refused" : "accepted"}`, () => {
      assert.deepEqual(checkDatabaseSettings({ ...DATABASE_DEFAULTS, backupWindow: backup, maintenanceWindow: maintenance }).map((x) => x.field), fields);
    });
  }

  it("resolves only the chosen engine's settings", () => {
    const kafka = resolveMessagingArgs("m", { engine: "kafka", kafka: { brokerCount: 6 }, availabilityZones: ["a", "b", "c"] });
    assert.ok(kafka.engine === "kafka" && kafka.kafka.brokerCount === 6 && kafka.kafka.instanceType === KAFKA_DEFAULTS.instanceType);
    assert.ok(!("rabbitmq" in kafka));
    const rabbit = resolveMessagingArgs("m", { engine: "rabbitmq", rabbitmq: { deploymentMode: "SINGLE_INSTANCE" }, secretRecoveryWindowDays: 7 });
    assert.deepEqual(rabbit, { ...MESSAGING_DEFAULTS, secretRecoveryWindowDays: 7, engine: "rabbitmq", rabbitmq: { ...RABBITMQ_DEFAULTS, deploymentMode: "SINGLE_INSTANCE" } });
  });

  it("refuses a RabbitMQ user Amazon MQ forbids and a broker type its version does not run on", () => {
    const problems = checkRabbitMqSettings({ ...RABBITMQ_DEFAULTS, username: "guest", instanceType: "mq.m5.large" });
    assert.deepEqual(problems.map((x) => x.field), ["rabbitmq.instanceType", "rabbitmq.username"]);
  });
});
