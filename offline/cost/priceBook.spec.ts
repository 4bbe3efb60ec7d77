import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { PRICED_REGIONS, cite, priceBook, regionPrices } from "./priceBook";

const files = readdirSync(join(__dirname, "prices")).filter((f) => f.endsWith(".json"));

describe("price data (offline/cost/prices)", () => {
  it("keeps one file per region the stacks and examples use, us-east-1 (the edge) among them", () => {
    assert.deepEqual(files.sort(), PRICED_REGIONS.map((r) => `${r}.json`).sort());
    assert.ok(PRICED_REGIONS.includes("us-east-1"));
  });

  it("gives every price its value, unit, the page it was read from and the date it was read", () => {
    for (const region of PRICED_REGIONS) {
      const file = regionPrices(region)!;
      assert.deepEqual([file.region, file.currency, file.hoursPerMonth], [region, "USD", 730]);
      for (const [key, e] of Object.entries(file.prices)) {
        assert.ok(Number.isFinite(e.value) && e.value >= 0, `${region} ${key}: value`);
        assert.ok(e.unit, `${region} ${key}: unit`);
        assert.match(e.source, /^https?:\/\/\S+$/, `${region} ${key}: source`);
        assert.match(e.read, /^\d{4}-\d{2}-\d{2}$/, `${region} ${key}: read`);
      }
    }
  });

  it("marks a rate taken from another region as such, with the evidence that the service is priced alike there", () => {
    let parity = 0;
    for (const region of PRICED_REGIONS) {
      for (const [key, e] of Object.entries(regionPrices(region)!.prices)) {
        if (!e.parity) continue;
        parity++;
        assert.ok(PRICED_REGIONS.includes(e.parity.from as never) && e.parity.from !== region, `${region} ${key}`);
        assert.match(e.parity.evidence, /^https:\/\//);
        assert.equal(regionPrices(e.parity.from)!.prices[key]?.value, e.value, `${region} ${key}: not the ${e.parity.from} rate`);
        assert.match(cite(e), new RegExp(`${e.parity.from} rate, regional parity per https://`));
      }
    }
    assert.ok(parity > 0);
  });

  it("never keeps a price and a 'missing' note for the same key", () => {
    for (const region of PRICED_REGIONS) {
      const file = regionPrices(region)!;
      for (const key of Object.keys(file.missing)) assert.equal(file.prices[key], undefined, `${region} ${key}`);
    }
  });

  it("answers undefined for a region without a file, instead of another region's prices", () => {
    assert.equal(priceBook("eu-west-9").get("kms.key"), undefined);
    assert.equal(priceBook("us-west-2").get("kms.key")?.value, 1);
  });
});
