import { strict as assert } from "node:assert";
import { readPlatformConfig } from "../load";
import { configProblems } from "../testing";

const base = {
  "aws:region": "us-west-2",
  "platform:profile": "dev",
  "platform:name": "medsearch",
  "platform:tags": JSON.stringify({ owner: "platform-team", costCenter: "cc-1" }),
};

const five = [
  { name: "documents", purpose: "documents", critical: true },
  { name: "static-assets", purpose: "static-assets" },
  { name: "ml-artifacts", purpose: "ml-artifacts" },
  { name: "logs", purpose: "logs" },
  { name: "backups", purpose: "backups", critical: true },
];

const storage = (o: object) => ({ "platform:storage": JSON.stringify(o) });
const svc = (o: object) => ({
  name: "api", namespace: "apps", port: 8080, replicas: { min: 1, max: 2 }, cpu: 256, memory: 512, volumes: [], buckets: [], secrets: [], queues: [], ...o,
});

const problems = configProblems;

describe("platform:storage", () => {
  it("gives every profile the log bucket, and dev a week of old versions and no second region", () => {
    const c = readPlatformConfig(base, "dev");
    assert.deepEqual(c.storage.buckets, [{ name: "logs", purpose: "logs" }]);
    assert.equal(c.storage.noncurrentVersionExpirationDays, 7);
    assert.deepEqual(c.storage.replication, { enabled: false });
    assert.equal(c.storage.efs.enabled, false);
    assert.equal(c.storage.protect, false);
  });

  it("protects prod and keeps its backups a year", () => {
    const c = readPlatformConfig({ ...base, "platform:profile": "prod" }, "prod");
    assert.equal(c.storage.protect, true);
    assert.deepEqual(c.storage.backup, { dailyRetentionDays: 35, monthlyRetentionDays: 365 });
    assert.equal(c.storage.noncurrentVersionExpirationDays, 90);
  });

  it("accepts the reference system's five buckets with replication to us-east-2", () => {
    const c = readPlatformConfig({ ...base, "platform:profile": "prod", ...storage({ buckets: five, replication: { enabled: true, region: "us-east-2" } }) }, "prod");
    assert.deepEqual(c.storage.buckets.map((b) => b.name), ["documents", "static-assets", "ml-artifacts", "logs", "backups"]);
  });

  describe("rejects, naming the key, the value and what is allowed", () => {
    const cases: Array<[string, Record<string, string>, string, RegExp]> = [
      ["lifecycle days out of order",
        storage({ buckets: [...five.slice(1), { name: "documents", purpose: "documents", lifecycle: { transitions: [{ days: 90, storageClass: "GLACIER" }, { days: 30, storageClass: "DEEP_ARCHIVE" }] } }] }),
        "platform:storage.buckets[4].lifecycle.transitions[1].days", /more than 90/],
      ["Standard-IA under the 30-day AWS minimum",
        storage({ buckets: [...five.slice(1), { name: "documents", purpose: "documents", lifecycle: { transitions: [{ days: 7, storageClass: "STANDARD_IA" }] } }] }),
        "platform:storage.buckets[4].lifecycle.transitions[0].days", /at least 30 for STANDARD_IA/],
      ["a warmer class after a colder one",
        storage({ buckets: [...five.slice(1), { name: "documents", purpose: "documents", lifecycle: { transitions: [{ days: 30, storageClass: "GLACIER" }, { days: 90, storageClass: "STANDARD_IA" }] } }] }),
        "platform:storage.buckets[4].lifecycle.transitions[1].storageClass", /a class S3 can move GLACIER objects to/],
      ["an unknown storage class",
        storage({ buckets: [{ name: "logs", purpose: "logs", lifecycle: { transitions: [{ days: 0, storageClass: "COLD" }] } }] }),
        "platform:storage.buckets[0].lifecycle.transitions[0].storageClass", /"STANDARD_IA"/],
      ["a bucket name too long once derived",
        storage({ buckets: [...five, { name: "patient-imaging-archive", purpose: "archive" }] }),
        "platform:storage.buckets[5].name", /at most 21 characters: the derived name medsearch-dev-patient-imaging-archive-<12-digit account>-<region> must fit S3's 63/],
      ["replication without a second region",
        storage({ buckets: five, replication: { enabled: true } }),
        "platform:storage.replication.region", /a second region such as us-east-2 when replication.enabled is true/],
      ["no log bucket",
        storage({ buckets: five.filter((b) => b.purpose !== "logs") }),
        "platform:storage.buckets", /exactly one bucket with purpose "logs" \(found 0\)/],
      ["two log buckets",
        storage({ buckets: [...five, { name: "audit", purpose: "logs" }] }),
        "platform:storage.buckets", /exactly one bucket with purpose "logs" \(found 2\)/],
      ["a replicated log bucket",
        storage({ buckets: [{ name: "logs", purpose: "logs", critical: true }] }),
        "platform:storage.buckets[0].critical", /false for the logs bucket/],
      ["a duplicate bucket name",
        storage({ buckets: [...five, { name: "documents", purpose: "archive" }] }),
        "platform:storage.buckets[5].name", /not already used by buckets\[0\]/],
      ["EFS on without an access point",
        storage({ efs: { enabled: true } }),
        "platform:storage.efs.accessPoints", /at least one access point when efs.enabled/],
      ["an access point rooted at /",
        storage({ efs: { enabled: true, accessPoints: [{ name: "qdrant", path: "/", uid: 1000, gid: 1000, permissions: "0750" }] } }),
        "platform:storage.efs.accessPoints[0].path", /absolute path below \//],
      ["an access point running as root",
        storage({ efs: { enabled: true, accessPoints: [{ name: "qdrant", path: "/qdrant", uid: 0, gid: 1000, permissions: "0750" }] } }),
        "platform:storage.efs.accessPoints[0].uid", /a non-root uid \(not 0\): a root identity needs elasticfilesystem:ClientRootAccess/],
      ["an access point in the root group",
        storage({ efs: { enabled: true, accessPoints: [{ name: "qdrant", path: "/qdrant", uid: 1000, gid: 0, permissions: "0750" }] } }),
        "platform:storage.efs.accessPoints[0].gid", /a non-root gid \(not 0\)/],
      ["a service naming a bucket that does not exist",
        { "platform:services": JSON.stringify([svc({ buckets: [{ name: "documnts", access: "read" }] })]) },
        "platform:services[0].buckets[0].name", /a bucket of platform:storage.buckets: logs/],
      ["a service volume while EFS is off",
        { "platform:services": JSON.stringify([svc({ volumes: [{ name: "qdrant", mountPath: "/data", source: "efs" }] })]) },
        "platform:services[0].volumes[0].source", /only when platform:storage.efs.enabled is true/],
      ["a service volume naming no access point",
        { ...storage({ efs: { enabled: true, accessPoints: [{ name: "qdrant", path: "/qdrant", uid: 1000, gid: 1000, permissions: "0750" }] } }), "platform:services": JSON.stringify([svc({ volumes: [{ name: "cache", mountPath: "/data", source: "efs" }] })]) },
        "platform:services[0].volumes[0].name", /an access point of platform:storage.efs.accessPoints: qdrant/],
    ];
    for (const [what, override, key, allowed] of cases) {
      it(what, () => {
        const ps = problems({ ...base, ...override });
        const p = ps.find((x) => x.key === key);
        assert.ok(p, `expected a problem at ${key}, got ${JSON.stringify(ps)}`);
        assert.match(p.allowed, allowed);
      });
    }

    it("prod with storage unprotected", () => {
      const ps = problems({ ...base, "platform:profile": "prod", ...storage({ protect: false }) });
      assert.deepEqual(ps.map((p) => [p.key, p.value]), [["platform:storage.protect", false]]);
    });

    it("the value given and the allowed range, in the message", () => {
      assert.throws(
        () => readPlatformConfig({ ...base, ...storage({ buckets: [{ name: "logs", purpose: "logs", lifecycle: { transitions: [{ days: 1, storageClass: "ONEZONE_IA" }] } }] }) }, "dev"),
        /platform:storage\.buckets\[0\]\.lifecycle\.transitions\[0\]\.days: got 1; allowed: at least 30 for ONEZONE_IA/,
      );
    });
  });
});
