/**
 * Offline runs skip the SDK's per-resource and per-promise stack capture, and only offline runs.
 *
 * For every resource, the SDK's Resource constructor captures the whole call stack
 * (`Resource.callsites()`: `Error.stackTraceLimit = Infinity; new Error().stack`, then a file URL
 * per frame) to send the engine a source position, and every internal promise
 * (`runtime/debuggable.js` debuggablePromise) formats a ten-frame trace that is printed only when
 * PULUMI_DEBUG_PROMISE_LEAKS is set. Under the mocks nothing reads either: the mock monitor ignores
 * the source position and the recorder never looks at it. Formatting those traces was about 40% of
 * an offline run (more under tsx, which maps each frame through source maps).
 *
 * `withoutStackCapture` lifts both for the duration of one offline run and puts the SDK back after
 * it, so a real `pulumi up` (which never goes through offline/) and any other code in the process
 * keep the SDK's behaviour. Thrown errors keep their stacks: only the two captures above are
 * changed. With PULUMI_DEBUG_PROMISE_LEAKS set, promise traces are kept, since that is when they
 * are printed.
 */
import * as pulumi from "@pulumi/pulumi";
// Internal to the SDK, and called through this module object (`debuggable_1.debuggablePromise(...)`),
// so replacing the export reaches every caller.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown> };

type Callsites = () => unknown[];
const resourceClass = pulumi.Resource as unknown as { callsites: Callsites };
const original = { callsites: resourceClass.callsites, debuggablePromise: debuggable.debuggablePromise };

/** The SDK's promise wrapper, with no frames captured for the trace it keeps. */
function debuggablePromiseWithoutTrace(p: Promise<unknown>, ctx: unknown): Promise<unknown> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return original.debuggablePromise(p, ctx);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

let depth = 0;

function lift(): void {
  if (depth++ > 0) return;
  // No callsites: the SDK then sends no source position (its own path for a frame it cannot parse).
  resourceClass.callsites = () => [];
  if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) debuggable.debuggablePromise = debuggablePromiseWithoutTrace;
}

function restore(): void {
  if (--depth > 0) return;
  resourceClass.callsites = original.callsites;
  debuggable.debuggablePromise = original.debuggablePromise;
}

/** Runs `fn` (an offline program run) with the SDK's stack capture lifted, and restores it after. */
export async function withoutStackCapture<T>(fn: () => Promise<T>): Promise<T> {
  lift();
  try {
    return await fn();
  } finally {
    restore();
  }
}
