/**
 * A deployment's two steps under the mock cloud: the AWS step (the platform project), then the
 * Kubernetes step (the platform-kubernetes project), whose StackReference reads the AWS step's
 * outputs as the engine would hand them over: the kubeconfig's output secret.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { main } from "../stacks/platform";
import { AWS_PROJECT, KUBERNETES_PROJECT, awsStepStackName, mainKubernetes } from "../stacks/kubernetes";
import type { ReferencedStack } from "./mockCloud";
import type { RecordedResource } from "./recorder";
import { MOCK_ORGANIZATION, StackRun, runStack } from "./runStack";

export const STEPS = ["aws", "kubernetes"] as const;
export type Step = (typeof STEPS)[number];

const ROOT = join(__dirname, "..");

/** Where each step's Pulumi project lives, relative to the repository root. */
export const PROJECT_DIRS: Record<Step, string> = { aws: ".", kubernetes: "stacks/kubernetes" };

/** The project name a step's Pulumi.yaml declares. */
export function projectName(step: Step): string {
  return (parse(readFileSync(join(ROOT, PROJECT_DIRS[step], "Pulumi.yaml"), "utf8")) as { name: string }).name;
}

/** Top-level outputs the engine would store as secrets: those holding a secret anywhere inside. */
export const SECRET_OUTPUTS = ["cluster"] as const;

/** The AWS step's outputs as a StackReference sees them. */
export function referencedStack(outputs: Record<string, unknown>): ReferencedStack {
  return { outputs, secretOutputNames: SECRET_OUTPUTS.filter((k) => k in outputs) };
}

export interface StepOptions {
  stack: string;
  config: Record<string, string>;
  preview?: boolean;
  /** Extra setup of the program, e.g. a stack transformation; runs before the step's program. */
  before?: () => void;
}

export function runAwsStep(o: StepOptions): Promise<StackRun> {
  return runStack({ stack: o.stack, config: o.config, preview: o.preview, project: AWS_PROJECT, program: o.before ? () => (o.before!(), main()) : main });
}

/** The Kubernetes step, reading `aws` (the AWS step's outputs) as stack <org>/platform/<stack>; none: no AWS step deployed. */
export function runKubernetesStep(o: StepOptions & { aws?: Record<string, unknown> }): Promise<StackRun> {
  const stacks = o.aws ? { [awsStepStackName(MOCK_ORGANIZATION, o.stack)]: referencedStack(o.aws) } : {};
  return runStack({
    stack: o.stack, config: o.config, preview: o.preview, project: KUBERNETES_PROJECT, stacks,
    program: o.before ? () => (o.before!(), mainKubernetes()) : mainKubernetes,
  });
}

export interface Deployment {
  aws: StackRun;
  /** Absent when the AWS step failed or the stack has no Kubernetes step (no EKS cluster). */
  kubernetes?: StackRun;
}

/** Both steps in order, as a first deployment runs them; the Kubernetes step only after an AWS step that handed it over. */
export async function runDeployment(o: StepOptions): Promise<Deployment> {
  // The AWS step is always evaluated as applied: the Kubernetes step reads what it deployed.
  const aws = await runAwsStep({ ...o, preview: false });
  if (aws.error || aws.outputs.kubernetesStep === undefined) return { aws };
  return { aws, kubernetes: await runKubernetesStep({ ...o, aws: aws.outputs }) };
}

export interface StepRun {
  run: StackRun;
  /**
   * What the deployment's cost estimate prices: the AWS step's resources, plus the Kubernetes step's
   * own when that step ran (objects inside the cluster: nothing priced, but it is the deployment).
   */
  costed: RecordedResource[];
}

/** One step as the offline plan evaluates it: the Kubernetes step reads an AWS step run first (as deployed). */
export async function runStep(step: Step, o: StepOptions): Promise<StepRun> {
  if (step === "aws") {
    const run = await runAwsStep(o);
    return { run, costed: run.resources };
  }
  const aws = await runAwsStep({ ...o, preview: false });
  if (aws.error) return { run: aws, costed: aws.resources };
  const run = await runKubernetesStep({ ...o, aws: aws.outputs });
  return { run, costed: [...aws.resources, ...run.resources] };
}
