/**
 * Runs the real program in-process under the mock cloud and returns every registered resource and
 * the stack outputs. Each call resets the Pulumi runtime, so several stacks run in one process.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockCloud } from "./mockCloud";
import { Recorder, RecordedResource } from "./recorder";
import { main } from "../../stacks/platform";

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
}

export async function runStack(opts: RunOptions): Promise<StackRun> {
  const project = opts.project ?? "platform";
  const cloud = new MockCloud(opts.config["aws:region"] ?? "us-east-1");
  await pulumi.runtime.setMocks(cloud, project, opts.stack, opts.preview ?? false);
  pulumi.runtime.setAllConfig(opts.config);
  const recorder = new Recorder();
  recorder.attach(pulumi.runtime.getMonitor() as any);
  let outputs: Record<string, any> = {};
  let error: Error | undefined;
  try {
    outputs = (await pulumi.runtime.runInPulumiStack(main)) ?? {};
  } catch (e) {
    error = e instanceof Error ? e : new Error(String(e));
  }
  // Drain outstanding registrations so the record is complete (internal to the SDK, hence the cast).
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  return { stack: opts.stack, config: opts.config, resources: recorder.resources, outputs, error };
}
