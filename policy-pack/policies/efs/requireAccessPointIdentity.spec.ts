import { strict as assert } from "node:assert";
import { change, compliantFileSystem, messages } from "../../test/storageFixtures";
import { requireAccessPointIdentity } from "./requireAccessPointIdentity";

describe("efs-require-access-point-identity", () => {
  it("passes an access point with a POSIX user and a root directory below /", async () => {
    assert.deepEqual(await messages(requireAccessPointIdentity, compliantFileSystem()), []);
  });

  it("fails an access point without a POSIX user", async () => {
    assert.deepEqual(await messages(requireAccessPointIdentity, change(compliantFileSystem(), "efs-qdrant", { posixUser: undefined })), [
      "Access point enforces no POSIX user; set posixUser with a uid and gid.",
    ]);
  });

  it("fails an access point rooted at /", async () => {
    assert.deepEqual(await messages(requireAccessPointIdentity, change(compliantFileSystem(), "efs-qdrant", { rootDirectory: { path: "/" } })), [
      'Access point exposes "/"; set rootDirectory.path to a directory below /.',
    ]);
  });
});
