import { strict as assert } from "node:assert";
import fc from "fast-check";
import { cidrWithin, coversPort } from "./ingress";

const rule = (protocol: string, fromPort: number, toPort: number) => ({ groupId: "sg", declaredBy: {} as never, protocol, fromPort, toPort, cidrs: [], groups: [], prefixLists: [] });

describe("ingress helpers", () => {
  it("finds a port inside a TCP range, and in any all-protocol rule", () => {
    assert.equal(coversPort(rule("tcp", 5000, 6000), 5432), true);
    assert.equal(coversPort(rule("tcp", 5433, 6000), 5432), false);
    assert.equal(coversPort(rule("-1", 0, 0), 6379), true);
    assert.equal(coversPort(rule("udp", 0, 65535), 6379), false);
  });

  it("knows which blocks are inside another (property: every sub-block of a /16 is inside it)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 32 }), (third, prefix) => {
        assert.equal(cidrWithin(`10.0.${third}.0/${prefix < 24 ? 24 : prefix}`, "10.0.0.0/16"), true);
        assert.equal(cidrWithin(`10.1.${third}.0/24`, "10.0.0.0/16"), false);
      }),
    );
    assert.equal(cidrWithin("0.0.0.0/0", "10.0.0.0/16"), false);
    assert.equal(cidrWithin("::/0", "10.0.0.0/16"), false);
  });
});
