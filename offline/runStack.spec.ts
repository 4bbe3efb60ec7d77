import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentArgsError } from "../components/errors";
import { runFailure } from "../scripts/stackArgs";
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

  it("fails the run when an invoke inside an apply fails, naming the invoke, instead of dropping what was built on it", async () => {
    const run = await runComponent(async () => {
      // The mock cloud answers no getInternetGateway: the route built on it is never registered.
      const gateway = aws.ec2.getInternetGatewayOutput({ internetGatewayId: "igw-1" });
      new aws.ec2.Route("r", { routeTableId: gateway.internetGatewayId, destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" });
      new aws.s3.Bucket("b", {});
    });
    assert.match(run.error!.message, /left an error unhandled, which fails a real run: the mock cloud does not answer aws:ec2\/getInternetGateway:getInternetGateway/);
    assert.deepEqual(run.resources.filter((r) => r.custom).map((r) => r.type), ["aws:s3/bucket:Bucket"]);
  });

  it("reports a component's check that fails inside an apply as the caller's mistake: a config error, no stack trace", async () => {
    const run = await runComponent(async () => {
      const arn = pulumi.output("arn:aws:sns:us-west-2:123456789012:orders");
      // As servicePolicy.ts refuses a queue ARN it cannot scope, once the ARN is known.
      arn.apply((a) => {
        if (!a.includes(":sqs:")) throw new ComponentArgsError(`queue ARN ${a} is neither a Kafka topic nor an SQS queue`);
        return a;
      });
      new aws.s3.Bucket("b", {});
    });
    assert.ok(run.error instanceof ComponentArgsError, String(run.error));
    const failure = runFailure(run.error);
    assert.equal(failure.code, 2);
    assert.doesNotMatch(failure.message, /^\s+at /m);
  });

  it("leaves no handler behind: a later clean run reports no error", async () => {
    const before = process.listenerCount("unhandledRejection");
    const run = await runComponent(async () => void new aws.s3.Bucket("b", {}));
    assert.equal(run.error, undefined);
    assert.equal(process.listenerCount("unhandledRejection"), before);
  });
});
