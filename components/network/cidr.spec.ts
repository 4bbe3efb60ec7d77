import { strict as assert } from "node:assert";
import fc from "fast-check";
import { contains, coverRange, end, formatCidr, overlaps, parseCidr, size, splitToCount } from "./cidr";

describe("cidr", () => {
  it("parses and formats canonical IPv4 CIDR blocks", () => {
    for (const text of ["10.0.0.0/16", "10.0.1.0/24", "0.0.0.0/0", "192.168.255.240/28"]) {
      assert.equal(formatCidr(parseCidr(text)!), text);
    }
  });

  it("rejects malformed blocks and blocks with host bits set, as AWS does", () => {
    for (const text of ["10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "10.0.1.0/16", "a.b.c.d/8"]) {
      assert.equal(parseCidr(text), undefined, text);
    }
  });

  it("detects containment and overlap", () => {
    const vpc = parseCidr("10.0.0.0/16")!;
    assert.equal(contains(vpc, parseCidr("10.0.255.0/24")!), true);
    assert.equal(contains(vpc, parseCidr("10.1.0.0/24")!), false);
    assert.equal(overlaps(parseCidr("10.0.0.0/23")!, parseCidr("10.0.1.0/24")!), true);
    assert.equal(overlaps(parseCidr("10.0.0.0/24")!, parseCidr("10.0.1.0/24")!), false);
  });

  it("covers any range with aligned, contiguous blocks, and splits a cover to any larger count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 16 }), fc.integer({ min: 0, max: 2 ** 16 }), fc.integer({ min: 0, max: 8 }), (a, len, extra) => {
        const start = 0x0a000000 + a;
        const blocks = coverRange(start, start + len);
        let cursor = start;
        for (const b of blocks) {
          assert.equal(b.base, cursor);
          assert.equal(b.base % size(b), 0, "aligned");
          cursor = end(b);
        }
        assert.equal(cursor, start + len);
        if (blocks.length > 0) {
          // A range of `len` addresses splits into at most `len` blocks (/32s).
          const count = Math.min(blocks.length + extra, len);
          const split = splitToCount(blocks, count);
          assert.equal(split.length, count);
          assert.equal(split[0].base, start);
          assert.equal(end(split[split.length - 1]), start + len);
        }
      }),
    );
  });

  it("refuses to split a cover into more blocks than it has addresses", () => {
    assert.throws(() => splitToCount(coverRange(0, 2), 3), /cannot split \/32/);
  });
});
