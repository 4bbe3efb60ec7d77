import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { runComponent } from "./runStack";
import { withoutStackCapture } from "./stackCapture";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown> };
const callsites = () => (pulumi.Resource as unknown as { callsites(): unknown[] }).callsites();

/** The trace the SDK keeps on a promise it wraps (printed with PULUMI_DEBUG_PROMISE_LEAKS). */
async function promiseTrace(): Promise<string> {
  const p = Promise.resolve(1);
  await debuggable.debuggablePromise(p, "test");
  return (p as unknown as { _debugStackTrace: string })._debugStackTrace;
}

const frames = (trace: string) => trace.split("\n").filter((l) => l.trim().startsWith("at ")).length;

describe("withoutStackCapture", () => {
  it("lifts the per-resource callsites and the per-promise trace for the run, and restores both after", async () => {
    assert.ok(callsites().length > 0);
    assert.ok(frames(await promiseTrace()) > 0);
    await withoutStackCapture(async () => {
      assert.deepEqual(callsites(), []);
      assert.equal(frames(await promiseTrace()), 0);
    });
    assert.ok(callsites().length > 0);
    assert.ok(frames(await promiseTrace()) > 0);
  });

  it("restores the SDK when the run throws, and only when the outermost of nested runs ends", async () => {
    await assert.rejects(withoutStackCapture(async () => {
      await withoutStackCapture(async () => undefined);
      assert.deepEqual(callsites(), [], "an inner run's end restored the SDK under an outer run");
      throw new Error("boom");
    }), /boom/);
    assert.ok(callsites().length > 0);
  });

  it("keeps promise traces when PULUMI_DEBUG_PROMISE_LEAKS asks for them", async () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "true";
    try {
      await withoutStackCapture(async () => assert.ok(frames(await promiseTrace()) > 0));
    } finally {
      delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    }
  });

  it("leaves a thrown error its stack, down to the program's own frame", async () => {
    const run = await runComponent(async function failingProgram() {
      throw new Error("bad args");
    });
    assert.match(run.error!.stack!, /failingProgram \(.*stackCapture\.spec\.ts:\d+:\d+\)/);
  });
});
