import { strict as assert } from "node:assert";
import { change, compliantFileSystem, messages, without } from "../../test/storageFixtures";
import { enableFileSystemBackups } from "./enableFileSystemBackups";

describe("efs-enable-file-system-backups", () => {
  it("passes a file system with automatic backups enabled", async () => {
    assert.deepEqual(await messages(enableFileSystemBackups, compliantFileSystem()), []);
  });

  it("fails a file system whose backup policy is disabled", async () => {
    assert.deepEqual(await messages(enableFileSystemBackups, change(compliantFileSystem(), "efs-backup", { backupPolicy: { status: "DISABLED" } })), [
      'File system efs has automatic backups off; add an aws.efs.BackupPolicy with status "ENABLED" for it.',
    ]);
  });

  it("fails a file system without a backup policy, or with one for another file system", async () => {
    assert.equal((await messages(enableFileSystemBackups, without(compliantFileSystem(), "efs-backup"))).length, 1);
    assert.equal((await messages(enableFileSystemBackups, change(compliantFileSystem(), "efs-backup", { fileSystemId: "fs-other" }))).length, 1);
  });
});
