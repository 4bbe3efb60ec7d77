import { strict as assert } from "node:assert";
import fc from "fast-check";
import { cidrWithin, coversPort } from "./ingress";

const rule = (protocol: string | undefined, fromPort?: number, toPort?: number, unknown = false) => ({
  protocol, fromPort, toPort, unknownPorts: unknown ? () => { throw new Error("unknown"); } : undefined,
});

describe("ingress helpers", () => {
  it("finds a port inside a TCP range, and in any all-protocol rule", () => {
    assert.equal(coversPort(rule("tcp", 5000, 6000), 5432), true);
    assert.equal(coversPort(rule("tcp", 5433, 6000), 5432), false);
    assert.equal(coversPort(rule("-1", 0, 0), 6379), true);
    assert.equal(coversPort(rule("udp", 0, 65535), 6379), false);
    assert.equal(coversPort(rule("tcp"), 5432), false, "a TCP rule without a range admits nothing");
  });

  it("leaves coverage undecided only while the rule's protocol or range, or the port, is unknown", () => {
    assert.equal(coversPort(rule(undefined, undefined, undefined, true), 5432), undefined);
    assert.equal(coversPort(rule("tcp", undefined, undefined, true), 5432), undefined);
    assert.equal(coversPort(rule("tcp", 5432, 5432), undefined), undefined);
    assert.equal(coversPort(rule("-1", 0, 0), undefined), undefined, "the message names the port, so an unknown port stays undecided");
    assert.equal(coversPort(rule("udp", 0, 65535), undefined), false, "UDP never reaches a TCP data port, whichever it is");
    assert.equal(coversPort(rule("-1", undefined, undefined, true), 6379), true, "all protocols cover every port, whatever the range");
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
