import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { runComponent } from "./runStack";
import { withoutStackCapture } from "./stackCapture";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): { leakCandidates: Set<Promise<unknown>> } };
const callsites = () => (pulumi.Resource as unknown as { callsites(): unknown[] }).callsites();

interface Traced {
  _debugStackTrace?: string;
}

/** A promise through the SDK's wrapper: its trace, and whether it was a leak candidate until it settled. */
async function wrapped(): Promise<{ trace?: string; trackedWhilePending: boolean; releasedWhenSettled: boolean }> {
  let resolve!: (v: number) => void;
  const p = new Promise<number>((r) => (resolve = r));
  const done = debuggable.debuggablePromise(p, "test");
  const trackedWhilePending = state.getStore().leakCandidates.has(p);
  resolve(1);
  await done;
  return { trace: (p as Traced)._debugStackTrace, trackedWhilePending, releasedWhenSettled: !state.getStore().leakCandidates.has(p) };
}

const frames = (trace: string | undefined) => (trace ?? "").split("\n").filter((l) => l.trim().startsWith("at ")).length;

describe("withoutStackCapture", () => {
  it("lifts the per-resource callsites and the per-promise trace for the run, and restores both after", async () => {
    assert.ok(callsites().length > 0);
    assert.ok(frames((await wrapped()).trace) > 0);
    await withoutStackCapture(async () => {
      await wrapped(); // the first one registers the SDK's exit-time leak check
      assert.deepEqual(callsites(), []);
      assert.equal(frames((await wrapped()).trace), 0);
    });
    assert.ok(callsites().length > 0);
    assert.ok(frames((await wrapped()).trace) > 0);
  });

  it("still tracks each promise as a leak candidate until it settles, and tags a rejection with its promise", async () => {
    await withoutStackCapture(async () => {
      assert.deepEqual(await wrapped(), { trace: undefined, trackedWhilePending: true, releasedWhenSettled: true });
      const failing = Promise.reject(new Error("no"));
      const err = await debuggable.debuggablePromise(failing, "test").catch((e: Error & { promise?: unknown }) => e);
      assert.equal((err as { promise?: unknown }).promise, failing);
      assert.ok(!state.getStore().leakCandidates.has(failing));
    });
  });

  it("restores the SDK when the run throws, and only when the outermost of nested runs ends", async () => {
    await assert.rejects(withoutStackCapture(async () => {
      await withoutStackCapture(async () => undefined);
      assert.deepEqual(callsites(), [], "an inner run's end restored the SDK under an outer run");
      throw new Error("boom");
    }), /boom/);
    assert.ok(callsites().length > 0);
  });

  it("keeps the SDK's promise traces when PULUMI_DEBUG_PROMISE_LEAKS asks for them", async () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "true";
    try {
      await withoutStackCapture(async () => assert.ok(frames((await wrapped()).trace) > 0));
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
