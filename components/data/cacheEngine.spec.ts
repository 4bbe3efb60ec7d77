import { strict as assert } from "node:assert";
import fc from "fast-check";
import { cacheEngineVersions } from "../aws/facts";
import { AUTH_TOKEN_LENGTH, AUTH_TOKEN_SPECIALS, CACHE_VERSIONS, CACHE_VERSIONS_SINCE_SNAPSHOT, cacheFamily, cacheNodeAzs, cacheParameters, cacheVersionProblem, isValidAuthToken, nodeCount } from "./cacheEngine";

describe("ElastiCache rules", () => {
  const families: Array<["valkey" | "redis", string, string]> = [
    ["valkey", "7.2", "valkey7"], ["valkey", "8.0", "valkey8"], ["valkey", "8.2", "valkey8"], ["valkey", "9.0", "valkey9"], ["valkey", "9.1", "valkey9"], ["redis", "7.1", "redis7"],
  ];
  for (const [engine, version, family] of families) {
    it(`maps ${engine} ${version} to the ${family} parameter group family`, () => assert.equal(cacheFamily(engine, version), family));
  }

  it("rejects versions an engine does not have, listing the ones it does and the nearest", () => {
    assert.match(cacheVersionProblem("redis", "8.2")!.allowed, /a redis version ElastiCache offers and the platform runs: 7.0, 7.1/);
    assert.match(cacheVersionProblem("valkey", "6.2")!.allowed, /7.2, 8.0, 8.1, 8.2, 9.0, 9.1/);
    assert.deepEqual(cacheVersionProblem("valkey", "9.2")!.suggestions, ["9.0", "9.1"]);
    assert.equal(cacheVersionProblem("valkey", "8.2"), undefined);
    assert.equal(cacheVersionProblem("valkey", "9.1"), undefined);
    assert.throws(() => cacheFamily("redis", "6.2"), /not a supported/);
  });

  it("runs only versions in cfn-lint's data, or published since with a source", () => {
    for (const engine of ["valkey", "redis"] as const) {
      const since = CACHE_VERSIONS_SINCE_SNAPSHOT[engine];
      const unsourced = Object.keys(CACHE_VERSIONS[engine]).filter((v) => !cacheEngineVersions(engine).includes(v) && !since[v]);
      assert.deepEqual(unsourced, [], engine);
      // Once the snapshot has a version, its hand-kept entry goes.
      assert.deepEqual(Object.keys(since).filter((v) => cacheEngineVersions(engine).includes(v)), [], engine);
    }
  });

  it("generates AUTH tokens only from characters ElastiCache accepts (property)", () => {
    const alphabet = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", ...AUTH_TOKEN_SPECIALS);
    fc.assert(fc.property(fc.array(alphabet, { minLength: AUTH_TOKEN_LENGTH, maxLength: AUTH_TOKEN_LENGTH }), (chars) => assert.ok(isValidAuthToken(chars.join("")))));
  });

  it("refuses tokens with characters ElastiCache forbids, or of the wrong length", () => {
    for (const bad of ["a".repeat(15), "a".repeat(129), `${"a".repeat(20)}/`, `${"a".repeat(20)}@`, `${"a".repeat(20)}"`, `${"a".repeat(20)} x`]) {
      assert.equal(isValidAuthToken(bad), false, bad);
    }
  });

  it("counts shards times primary plus replicas", () => {
    assert.equal(nodeCount({ clusterMode: true, shards: 3, replicasPerShard: 1 }), 6);
    assert.equal(nodeCount({ clusterMode: false, shards: 1, replicasPerShard: 0 }), 1);
  });

  it("sets cluster mode and the slow-log threshold in the parameter group", () => {
    assert.deepEqual(cacheParameters(true, 10000), [
      { name: "cluster-enabled", value: "yes" },
      { name: "slowlog-log-slower-than", value: "10000" },
    ]);
    assert.equal(cacheParameters(false, 1)[0].value, "no");
  });

  it("places the first replica in another AZ than its primary (property)", () => {
    const azs = fc.integer({ min: 2, max: 4 }).map((n) => Array.from({ length: n }, (_, i) => `eu-west-1${"abcd"[i]}`));
    fc.assert(
      fc.property(azs, fc.integer({ min: 2, max: 6 }), (list, nodes) => {
        const placed = cacheNodeAzs(list, nodes);
        assert.equal(placed.length, nodes);
        assert.notEqual(placed[1], placed[0]);
        assert.equal(new Set(placed).size, Math.min(nodes, list.length));
      }),
    );
  });
});
