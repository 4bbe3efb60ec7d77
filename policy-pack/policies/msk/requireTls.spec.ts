import { strict as assert } from "node:assert";
import { changed, mskCluster, violations } from "../../test/dataFixtures";
import { requireTls } from "./requireTls";

describe("msk-require-tls", () => {
  it("passes TLS from clients and between brokers, and MSK's TLS default when omitted", async () => {
    assert.deepEqual(await violations(requireTls, [mskCluster, changed(mskCluster, "encryptionInfo.encryptionInTransit", undefined)]), []);
  });

  it("fails a cluster that also accepts plaintext clients", async () => {
    assert.deepEqual(await violations(requireTls, [changed(mskCluster, "encryptionInfo.encryptionInTransit.clientBroker", "TLS_PLAINTEXT")]), [
      "MSK cluster accepts TLS_PLAINTEXT client connections; set encryptionInTransit.clientBroker: \"TLS\".",
    ]);
  });

  it("fails plaintext between brokers", async () => {
    assert.match((await violations(requireTls, [changed(mskCluster, "encryptionInfo.encryptionInTransit.inCluster", false)]))[0], /between brokers unencrypted/);
  });
});
