/**
 * Runs the real program in-process under the mock cloud and returns every registered resource and
 * the stack outputs. Each call resets the Pulumi runtime, so several stacks run in one process.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComponentArgsError } from "../components/errors";
import { MockCloud, ReferencedStack } from "./mockCloud";
import { Recorder, RecordedResource } from "./recorder";
import { main } from "../stacks/platform";
import { Target, loadProgram } from "./program";
import { withoutStackCapture } from "./stackCapture";
import { readStackFile } from "./stackFile";

export interface StackRun {
  stack: string;
  config: Record<string, string>;
  resources: RecordedResource[];
  outputs: Record<string, any>;
  /** The error the program threw (config errors included), if any. */
  error?: Error;
}

export interface RunOptions {
  stack: string;
  config: Record<string, string>;
  project?: string;
  /** Evaluate as `pulumi preview` would (unknowns stay unknown). */
  preview?: boolean;
  /**
   * The program to run; defaults to the platform's `main`. Component specs pass a function that
   * builds just their component, to test it before (or apart from) its wiring.
   */
  program?: () => Promise<Record<string, any> | void>;
  /** Stacks the program's StackReferences read, by fully qualified name. */
  stacks?: Record<string, ReferencedStack>;
}

/** The organization of a self-managed backend, which Pulumi names "organization". */
export const MOCK_ORGANIZATION = "organization";

/** Runs the program; the SDK's stack capture is lifted for the run (stackCapture.ts). */
export function runStack(opts: RunOptions): Promise<StackRun> {
  return withoutStackCapture(() => run(opts));
}

async function run(opts: RunOptions): Promise<StackRun> {
  const project = opts.project ?? "platform";
  const cloud = new MockCloud(opts.config["aws:region"] ?? "us-east-1", opts.preview ?? false, opts.stacks);
  await pulumi.runtime.setMocks(cloud, project, opts.stack, opts.preview ?? false, MOCK_ORGANIZATION);
  pulumi.runtime.setAllConfig(opts.config);
  const recorder = new Recorder();
  recorder.attach(pulumi.runtime.getMonitor() as any);
  let outputs: Record<string, any> = {};
  let error: Error | undefined;
  const fail = (e: unknown) => (error ??= e instanceof Error ? e : new Error(String(e)));
  const program = opts.program ?? main;
  // A program that fails after its first await would otherwise also reject the stack resource's own
  // promise, which nothing awaits: the run reports the program's own error, not that rejection.
  const guarded = async () => {
    try {
      return await program();
    } catch (e) {
      fail(e);
      return undefined;
    }
  };
  // A rejected output nobody awaits (an invoke that fails inside an apply, say) drops the resources
  // built from it without failing runInPulumiStack. Pulumi's language host fails the program on an
  // unhandled rejection, so the offline run must too, or a plan would pass with resources missing.
  const unhandled: unknown[] = [];
  const onRejection = (reason: unknown) => void unhandled.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    outputs = (await pulumi.runtime.runInPulumiStack(guarded)) ?? {};
  } catch (e) {
    fail(e);
  }
  try {
    // Drain outstanding registrations so the record is complete (internal to the SDK, hence the cast),
    // then let the rejections they leave reach the handler.
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("unhandledRejection", onRejection);
  }
  error ??= unhandledError(unhandled, cloud.invokeFailures);
  if (error) outputs = {};
  return { stack: opts.stack, config: opts.config, resources: recorder.resources, outputs, error };
}

/**
 * One error for the rejections a run left unhandled. A component's check that runs inside an apply
 * (an ARN known only then) rejects with a ComponentArgsError: that is the caller's input, so it is
 * returned as it is, for the plan to report as a config error without a stack trace. Otherwise: the
 * first failed invoke's message when the mock cloud saw one (the SDK's own message has lost it),
 * else the first rejection's, and how many there were.
 */
export function unhandledError(reasons: unknown[], invokeFailures: Error[] = []): Error | undefined {
  if (reasons.length === 0) return undefined;
  const callersMistake = reasons.find((r): r is ComponentArgsError => r instanceof ComponentArgsError);
  if (callersMistake) return callersMistake;
  const first = invokeFailures[0] ?? (reasons[0] instanceof Error ? reasons[0] : new Error(String(reasons[0])));
  const more = reasons.length > 1 ? ` (${reasons.length} unhandled rejections in all)` : "";
  const error = new Error(`the program left an error unhandled, which fails a real run: ${first.message}${more}`);
  error.stack = `${error.message}\n${first.stack ?? ""}`;
  return error;
}

/** Runs one component (or any small program) under the mock cloud with a minimal stack config. */
export function runComponent(program: () => Promise<Record<string, any> | void>, config: Record<string, string> = {}): Promise<StackRun> {
  return runStack({ stack: "test", config: { "aws:region": "us-west-2", ...config }, program });
}

/** Evaluates a target (the platform program, or another program) with its stack file's config. */
export function runTarget(target: Target, opts: { preview?: boolean } = {}): Promise<StackRun> {
  const program = target.program;
  return runStack({
    stack: target.stack,
    config: readStackFile(target.configFile),
    preview: opts.preview,
    ...(program ? { project: program.project, program: loadProgram(program.main) } : {}),
  });
}
