/**
 * Runs the real program in-process under the mock cloud and returns every registered resource and
 * the stack outputs. Each call resets the Pulumi runtime, so several stacks run in one process.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockCloud, ReferencedStack } from "./mockCloud";
import { Recorder, RecordedResource } from "./recorder";
import { main } from "../stacks/platform";

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

export async function runStack(opts: RunOptions): Promise<StackRun> {
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
  // promise, which nothing awaits: Node ends the process on that unhandled rejection.
  const guarded = async () => {
    try {
      return await program();
    } catch (e) {
      fail(e);
      return undefined;
    }
  };
  try {
    outputs = (await pulumi.runtime.runInPulumiStack(guarded)) ?? {};
  } catch (e) {
    fail(e);
  }
  if (error) outputs = {};
  // Drain outstanding registrations so the record is complete (internal to the SDK, hence the cast).
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  return { stack: opts.stack, config: opts.config, resources: recorder.resources, outputs, error };
}

/** Runs one component (or any small program) under the mock cloud with a minimal stack config. */
export function runComponent(program: () => Promise<Record<string, any> | void>, config: Record<string, string> = {}): Promise<StackRun> {
  return runStack({ stack: "test", config: { "aws:region": "us-west-2", ...config }, program });
}
