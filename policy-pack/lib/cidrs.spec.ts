import { strict as assert } from "node:assert";
import fc from "fast-check";
import { cidrWithin, isWholeInternet, parseCidr } from "./cidrs";

const octet = fc.integer({ min: 0, max: 255 });

describe("CIDR blocks", () => {
  it("parses IPv4 and IPv6 blocks, and refuses malformed ones", () => {
    assert.deepEqual(parseCidr("10.0.0.0/16"), { family: 4, base: 0x0a000000n, prefix: 16 });
    assert.deepEqual(parseCidr("2001:db8::/32"), { family: 6, base: 0x20010db8n << 96n, prefix: 32 });
    assert.deepEqual(parseCidr("::/0"), { family: 6, base: 0n, prefix: 0 });
    for (const bad of ["10.0.0.0", "10.0.0.256/24", "10.0.0.0/33", "2001:db8::1::/64", "2001:db8::/129", "1:2:3:4:5:6:7:8:9/64", "office", ""]) {
      assert.equal(parseCidr(bad), undefined, bad);
    }
  });

  it("puts every sub-block of a block within it, and no block of another network (property)", () => {
    fc.assert(
      fc.property(octet, octet, fc.integer({ min: 16, max: 32 }), (third, fourth, prefix) => {
        assert.equal(cidrWithin(`10.0.${third}.${fourth}/${prefix}`, "10.0.0.0/16"), true);
        assert.equal(cidrWithin(`10.1.${third}.${fourth}/${prefix}`, "10.0.0.0/16"), false);
        assert.equal(cidrWithin("10.0.0.0/16", `10.0.${third}.${fourth}/${prefix}`), prefix === 16);
      }),
    );
  });

  it("compares IPv6 blocks, never across families", () => {
    assert.equal(cidrWithin("2001:db8:1::/48", "2001:db8::/32"), true);
    assert.equal(cidrWithin("2001:db9::/48", "2001:db8::/32"), false);
    assert.equal(cidrWithin("2001:db8::/32", "2001:db8::/32"), true);
    assert.equal(cidrWithin("::/0", "10.0.0.0/8"), false);
    assert.equal(cidrWithin("10.0.0.0/16", "::/0"), false);
  });

  it("knows the whole internet in either family, and nothing narrower", () => {
    assert.deepEqual(["0.0.0.0/0", "::/0", "10.0.0.0/0", "0.0.0.0/1", "203.0.113.0/24", "junk"].map(isWholeInternet), [true, true, true, false, false, false]);
  });
});
