import { strict as assert } from "node:assert";
import { PROFILES } from "../profiles";
import { maxBucketConfigNameLength, bucketName } from "./naming";
import { FILE_SYSTEM_DEFAULTS, STORAGE_DEFAULTS, STORAGE_PRESETS, checkFileSystemSettings, checkStorageSettings } from "./presets";
import { DEFAULT_LOG_BUCKET, withLogBucket } from "./validate";

describe("storage presets", () => {
  it("give a direct caller the prod preset: versions kept 90 days, backups 35 days and a year, everything protected", () => {
    assert.deepEqual(STORAGE_DEFAULTS, STORAGE_PRESETS.prod);
    assert.deepEqual(STORAGE_DEFAULTS, { noncurrentVersionExpirationDays: 90, protect: true, backup: { dailyRetentionDays: 35, monthlyRetentionDays: 365 } });
  });

  for (const p of PROFILES) {
    it(`${p}: passes its own checks`, () => assert.deepEqual([...checkStorageSettings(STORAGE_PRESETS[p]), ...checkFileSystemSettings(FILE_SYSTEM_DEFAULTS)], []));
  }

  const versions: Array<[number, boolean]> = [[0, false], [1, true], [3650, true], [3651, false]];
  for (const [days, ok] of versions) {
    it(`${ok ? "accepts" : "refuses"} keeping old versions ${days} days`, () => {
      assert.equal(checkStorageSettings({ ...STORAGE_DEFAULTS, noncurrentVersionExpirationDays: days }).length === 0, ok);
    });
  }

  it("adds the log bucket only when none is listed", () => {
    assert.deepEqual(withLogBucket([{ name: "documents", purpose: "documents" }]), [{ name: "documents", purpose: "documents" }, DEFAULT_LOG_BUCKET]);
    assert.deepEqual(withLogBucket([{ name: "audit", purpose: "logs" }]), [{ name: "audit", purpose: "logs" }]);
  });

  it("names buckets without a profile part when none is given, leaving that much more room for the name", () => {
    assert.equal(bucketName({ system: "files", name: "documents", accountId: "123456789012", region: "us-west-2" }), "files-documents-123456789012-us-west-2");
    assert.equal(maxBucketConfigNameLength("files"), maxBucketConfigNameLength("files", "prod") + "prod-".length);
  });
});
