import { strict as assert } from "node:assert";
import { AWS_NAME_LIMITS, childName, fitsWithAutonameSuffix } from "./naming";

describe("naming", () => {
  it("names children `${parent}-${role}[-n]`", () => {
    assert.equal(childName("med-network", "flow-logs"), "med-network-flow-logs");
    assert.equal(childName("med-network", "endpoint-sg", 2), "med-network-endpoint-sg-2");
  });

  it("rejects roles that would produce invalid AWS names and non-positive indexes", () => {
    assert.throws(() => childName("p", "Flow_Logs"), /kebab-case/);
    assert.throws(() => childName("p", "x", 0), /positive integer/);
    assert.throws(() => childName("p", "x", 1.5), /positive integer/);
  });

  it("leaves room for Pulumi's 8-character autoname suffix under the AWS limit", () => {
    const at56 = "r".repeat(56);
    assert.equal(fitsWithAutonameSuffix(at56, AWS_NAME_LIMITS.iamRole), true);
    assert.equal(fitsWithAutonameSuffix(at56 + "x", AWS_NAME_LIMITS.iamRole), false);
  });
});
