import { strict as assert } from "node:assert";
import { join } from "node:path";
import { policies } from "../policy-pack/policies";
import { readPlatformConfig } from "../stacks/config/load";
import { readStackFile } from "./stackFile";
import { MAPPED_POLICIES, stackKeyFix } from "./stackKeys";
import type { RecordedResource } from "./recorder";

const prod = readPlatformConfig({ ...readStackFile(join(__dirname, "..", "Pulumi.prod.yaml")), "platform:logging": JSON.stringify({ retentionDays: 30, auditRetentionDays: 400 }) }, "prod");
const logGroup = (retentionInDays: number) => ({ urn: "urn:x", type: "aws:cloudwatch/logGroup:LogGroup", inputs: { retentionInDays } }) as unknown as RecordedResource;

describe("violations that name the stack key", () => {
  it("maps only policies the pack has", () => {
    const names = policies.map((p) => p.name);
    assert.deepEqual(MAPPED_POLICIES.filter((p) => !names.includes(p)), []);
  });

  it("names the key whose value the resource carries, and the value to set from the policy's config", () => {
    assert.deepEqual(stackKeyFix("cloudwatch-configure-log-group-retention", logGroup(30), prod, { minRetentionDays: 90 }), {
      stackKey: "platform:logging.retentionDays", fix: "set platform:logging.retentionDays to at least 90 (the stack has 30)",
    });
    // A minimum CloudWatch cannot store is rounded up to the next value it can (500 -> 545).
    assert.match(stackKeyFix("cloudwatch-configure-log-group-retention", logGroup(400), prod, { minRetentionDays: 500 })!.fix, /^set platform:logging\.auditRetentionDays to at least 545 /);
  });

  it("names no key when the value did not come from the stack file (a change in code)", () => {
    assert.equal(stackKeyFix("cloudwatch-configure-log-group-retention", logGroup(14), prod, { minRetentionDays: 90 }), undefined);
    assert.equal(stackKeyFix("rds-require-multi-az", { inputs: { multiAz: false } } as unknown as RecordedResource, prod, {}), undefined);
    assert.equal(stackKeyFix("s3-no-such-policy", logGroup(30), prod, {}), undefined);
  });
});
