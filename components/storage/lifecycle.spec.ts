import { strict as assert } from "node:assert";
import { BUCKET_PURPOSES, LIFECYCLE_PRESETS, LifecyclePolicy, lifecycleProblems, lifecycleRule } from "./lifecycle";

const fields = (p: LifecyclePolicy) => lifecycleProblems(p).map((x) => `${x.field}: ${x.allowed}`);

describe("lifecycle", () => {
  it("runs documents Standard 30 days, then Standard-IA, Glacier at 90 and Deep Archive after a year", () => {
    assert.deepEqual(LIFECYCLE_PRESETS.documents.transitions, [
      { days: 30, storageClass: "STANDARD_IA" }, { days: 90, storageClass: "GLACIER" }, { days: 365, storageClass: "DEEP_ARCHIVE" },
    ]);
  });

  it("sends logs to Intelligent-Tiering", () => {
    assert.deepEqual(LIFECYCLE_PRESETS.logs.transitions, [{ days: 0, storageClass: "INTELLIGENT_TIERING" }]);
  });

  for (const purpose of BUCKET_PURPOSES) {
    it(`has a preset for ${purpose} that S3 accepts`, () => assert.deepEqual(fields(LIFECYCLE_PRESETS[purpose]), []));
  }

  const rejected: Array<[string, LifecyclePolicy, RegExp]> = [
    ["Standard-IA before 30 days", { transitions: [{ days: 10, storageClass: "STANDARD_IA" }] }, /transitions\[0\]\.days: at least 30 for STANDARD_IA/],
    ["One Zone-IA before 30 days", { transitions: [{ days: 29, storageClass: "ONEZONE_IA" }] }, /transitions\[0\]\.days: at least 30 for ONEZONE_IA/],
    ["days out of order", { transitions: [{ days: 90, storageClass: "GLACIER" }, { days: 60, storageClass: "DEEP_ARCHIVE" }] }, /transitions\[1\]\.days: more than 90/],
    ["a warmer class after a colder one", { transitions: [{ days: 30, storageClass: "GLACIER" }, { days: 60, storageClass: "STANDARD_IA" }] }, /transitions\[1\]\.storageClass: a class S3 can move GLACIER objects to: DEEP_ARCHIVE/],
    ["anything after Deep Archive", { transitions: [{ days: 0, storageClass: "DEEP_ARCHIVE" }, { days: 30, storageClass: "GLACIER" }] }, /none \(Deep Archive is final\)/],
    ["Intelligent-Tiering to Standard-IA", { transitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }, { days: 30, storageClass: "STANDARD_IA" }] }, /transitions\[1\]\.storageClass/],
    ["Glacier within 30 days of Standard-IA", { transitions: [{ days: 30, storageClass: "STANDARD_IA" }, { days: 45, storageClass: "GLACIER" }] }, /transitions\[1\]\.days: at least 60: S3 rejects GLACIER within 30 days of the STANDARD_IA transition/],
    ["Deep Archive within 30 days of an earlier IA transition", { transitions: [{ days: 30, storageClass: "STANDARD_IA" }, { days: 40, storageClass: "GLACIER_IR" }, { days: 50, storageClass: "DEEP_ARCHIVE" }] }, /transitions\[2\]\.days: at least 60/],
    ["expiry before the last transition", { transitions: [{ days: 30, storageClass: "STANDARD_IA" }], expirationDays: 30 }, /expirationDays: more than 30/],
  ];
  for (const [what, policy, message] of rejected) {
    it(`rejects ${what}`, () => assert.match(fields(policy).join("\n"), message));
  }

  it("renders one enabled rule for every object with noncurrent expiry and multipart clean-up", () => {
    assert.deepEqual(lifecycleRule({ transitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }], expirationDays: 400 }, 7), {
      id: "platform-lifecycle",
      status: "Enabled",
      filter: {},
      transitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }],
      expiration: { days: 400 },
      noncurrentVersionExpiration: { noncurrentDays: 7 },
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
    });
  });
});
