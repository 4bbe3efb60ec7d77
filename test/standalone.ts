/**
 * Runs a component the way another team's program would: alone, with minimal arguments, on its own
 * tagged provider, then the policy pack with the prod config (the components' defaults are the prod
 * presets, so the strictest config is the one they must pass).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { policies } from "../policy-pack/policies";
import { readPackConfig, runPolicies } from "../offline/policyRunner";
import type { RecordedResource } from "../offline/recorder";
import { StackRun, runComponent } from "../offline/runStack";
import { Planned, ROOT, mandatory, ofType } from "./helpers";

/** The tags the pack's tags-require-tags asks of every resource; a caller's provider sets them. */
export const CALLER_TAGS = { Environment: "prod", Owner: "orders-team", CostCenter: "orders" };

export const REGION = "us-west-2";

/** Builds what `build` declares on a tagged provider in us-west-2, then checks it with the prod pack. */
export async function standalone(build: (opts: pulumi.ComponentResourceOptions) => void): Promise<Planned> {
  const run = await runComponent(async () => {
    const provider = new aws.Provider("caller", { region: REGION, defaultTags: { tags: CALLER_TAGS } });
    build({ providers: { aws: provider } });
  });
  if (run.error) return { ...run, violations: [] };
  return { ...run, violations: await runPolicies(policies, run.resources, readPackConfig(`${ROOT}/policy-pack/config/prod.json`)) };
}

/** The key whose ARN a resource's input holds. */
export function keyByArn(run: StackRun, arn: string): RecordedResource {
  const key = ofType(run, "aws:kms/key:Key").find((k) => k.outputs.arn === arn);
  if (!key) throw new Error(`no KMS key has ARN ${arn}`);
  return key;
}

/**
 * The pack's stack policy that every stateful resource has an alarm paging a critical topic. A data
 * store on its own has none: the Monitoring component creates them, given the store as a target.
 */
export const CRITICAL_ALARMS = "cloudwatch-require-critical-alarms";

/** The mandatory policies a run violates, each once, sorted. */
export const mandatoryPolicies = (run: Planned): string[] => [...new Set(mandatory(run).map((v) => v.policy))].sort();
