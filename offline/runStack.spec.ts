import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { runComponent } from "./runStack";

describe("runComponent", () => {
  it("runs a small program under the mock cloud and records its resources and outputs", async () => {
    const run = await runComponent(async () => {
      const key = new aws.kms.Key("k", { enableKeyRotation: true });
      return { arn: key.arn };
    });
    assert.equal(run.error, undefined);
    const key = run.resources.find((r) => r.type === "aws:kms/key:Key")!;
    assert.equal(key.inputs.enableKeyRotation, true);
    assert.equal(run.outputs.arn, key.outputs.arn);
  });

  it("reports the error a program throws instead of hanging", async () => {
    const run = await runComponent(async () => {
      throw new Error("bad args");
    });
    assert.match(run.error!.message, /bad args/);
  });
});
