import { strict as assert } from "node:assert";
import { holdsSecureValue, isPulumiCiphertext, isSecureValue } from "./secure";

const b64 = (bytes: number, fill = 7) => Buffer.alloc(bytes, fill).toString("base64");

describe("secure values", () => {
  it("recognises the envelope pulumi config set --secret writes, and nothing more", () => {
    assert.equal(isSecureValue({ secure: "v1:abc:def" }), true);
    for (const v of [{ secure: 1 }, { secure: "x", other: 1 }, ["secure"], "secure", null]) assert.equal(isSecureValue(v), false, JSON.stringify(v));
  });

  it("finds an envelope at any depth, in JSON text too, so no message prints one", () => {
    assert.equal(holdsSecureValue([{ url: { secure: "x" } }]), true);
    assert.equal(holdsSecureValue('{"secure":"v1:..."}'), true);
    assert.equal(holdsSecureValue({ url: "https://hooks.example.com" }), false);
  });

  describe("a well-formed Pulumi ciphertext", () => {
    const cases: Array<[string, string, boolean]> = [
      ["passphrase provider: v1, a 12-byte nonce, a ciphertext with its 16-byte tag", `v1:${b64(12)}:${b64(40)}`, true],
      ["passphrase provider, an empty plaintext (the tag alone)", `v1:${b64(12)}:${b64(16)}`, true],
      ["a nonce of the wrong length", `v1:${b64(16)}:${b64(40)}`, false],
      ["a ciphertext shorter than the GCM tag", `v1:${b64(12)}:${b64(8)}`, false],
      ["an unknown version prefix", `v2:${b64(12)}:${b64(40)}`, false],
      ["a passphrase ciphertext with an extra part", `v1:${b64(12)}:${b64(40)}:x`, false],
      ["Pulumi Cloud or a KMS provider: base64", b64(43), true],
      ["base64 too short to hold a tag", b64(8), false],
      ["not base64", "not:a-ciphertext!", false],
      ["plain text", "https://hooks.example.com/T0/B0/token", false],
    ];
    for (const [what, text, ok] of cases) it(`${ok ? "accepts" : "refuses"} ${what}`, () => assert.equal(isPulumiCiphertext(text), ok));
  });
});
