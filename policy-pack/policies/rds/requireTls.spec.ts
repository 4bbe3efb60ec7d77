import { strict as assert } from "node:assert";
import { changed, rdsParams, rdsPrimary, rdsReplica, violations } from "../../test/dataFixtures";
import { requireTls } from "./requireTls";

describe("rds-require-tls", () => {
  it("passes a primary and a replica whose parameter group sets rds.force_ssl = 1", async () => {
    assert.deepEqual(await violations(requireTls, [rdsParams, rdsPrimary, rdsReplica]), []);
  });

  it("passes the default group of PostgreSQL 15 and later, which forces TLS", async () => {
    assert.deepEqual(await violations(requireTls, [changed(rdsPrimary, "parameterGroupName", "default.postgres17")]), []);
  });

  it("fails a parameter group that does not force TLS", async () => {
    const noTls = changed(rdsParams, "parameters", [{ name: "log_min_duration_statement", value: "1000" }]);
    assert.deepEqual(await violations(requireTls, [noTls, rdsPrimary]), [
      "DB instance db-primary uses parameter group app-database-params-1234567, which does not set rds.force_ssl = 1; clients could connect without TLS.",
    ]);
    assert.equal((await violations(requireTls, [changed(rdsParams, "parameters", [{ name: "rds.force_ssl", value: "0" }]), rdsReplica])).length, 1);
  });

  it("fails the default group of an engine older than 15, and an instance with no group", async () => {
    assert.match((await violations(requireTls, [changed(rdsPrimary, "parameterGroupName", "default.postgres14")]))[0], /not shown to force TLS/);
    assert.match((await violations(requireTls, [changed(rdsPrimary, "parameterGroupName", undefined)]))[0], /\(engine default\)/);
  });
});
