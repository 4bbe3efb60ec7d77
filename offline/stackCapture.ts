/**
 * Offline runs skip the SDK's per-resource and per-promise stack capture, and only offline runs.
 *
 * For every resource, the SDK's Resource constructor captures the whole call stack
 * (`Resource.callsites()`: `Error.stackTraceLimit = Infinity; new Error().stack`, then a file URL
 * per frame) to send the engine a source position, and every internal promise (debuggablePromise in
 * runtime/debuggable.js, about 24,500 in a prod run) formats a ten-frame trace and sets three debug
 * fields that are printed only when PULUMI_DEBUG_PROMISE_LEAKS is set. Under the mocks nothing reads
 * any of it: the mock monitor ignores the source position and the recorder never looks at it.
 * Building those traces was about 40% of an offline run (more under tsx, which mapped each frame
 * through source maps), the debug fields another 10%.
 *
 * `withoutStackCapture` lifts both for the duration of one offline run and puts the SDK back after
 * it, so a real `pulumi up` (which never goes through offline/) and any other code in the process
 * keep the SDK's behaviour. Thrown errors keep their stacks, and promises are still tracked for the
 * SDK's leak check. With PULUMI_DEBUG_PROMISE_LEAKS set, the SDK's own wrapper stays, since that is
 * when its traces are printed.
 */
import * as pulumi from "@pulumi/pulumi";

/** The SDK's promise wrapper (runtime/debuggable.js) and the store whose leak candidates it tracks (runtime/state.js). */
interface Debuggable {
  debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown>;
}
interface State {
  getStore(): { leakCandidates?: unknown };
}
// Both modules are internal to the SDK. Every caller goes through the module object
// (`debuggable_1.debuggablePromise(...)`), so replacing the export reaches each of them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as State;

type Callsites = () => unknown[];
const resourceClass = pulumi.Resource as unknown as { callsites: Callsites };
const original = { callsites: resourceClass.callsites, debuggablePromise: debuggable.debuggablePromise };

/** Whether the SDK's exit-time leak check is registered (its first debuggablePromise call does that). */
let leakCheckRegistered = false;

/**
 * The SDK's promise wrapper without its debug fields: as debuggable.js does, the promise is a leak
 * candidate of the current store until it settles, and a rejection carries the promise, through the
 * same two-step chain, so the run's order of events is unchanged. Only the `_debugId`, `_debugCtx`
 * and `_debugStackTrace` fields that PULUMI_DEBUG_PROMISE_LEAKS prints are left out.
 */
function trackedPromise(p: Promise<unknown>, ctx: unknown): Promise<unknown> {
  if (!leakCheckRegistered) {
    leakCheckRegistered = true;
    return original.debuggablePromise(p, ctx);
  }
  const store = state.getStore() as { leakCandidates: Set<Promise<unknown>> };
  store.leakCandidates.add(p);
  return p
    .then((value) => {
      store.leakCandidates.delete(p);
      return value;
    })
    .catch((err) => {
      store.leakCandidates.delete(p);
      err.promise = p;
      throw err;
    });
}

/** The lean wrapper applies only while the SDK keeps its leak candidates where debuggable.js reads them. */
const canTrack = (): boolean => typeof state.getStore === "function" && state.getStore().leakCandidates instanceof Set;

let depth = 0;

function lift(): void {
  if (depth++ > 0) return;
  // No callsites: the SDK then sends no source position (its own path for a frame it cannot parse).
  resourceClass.callsites = () => [];
  if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS && canTrack()) debuggable.debuggablePromise = trackedPromise;
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
