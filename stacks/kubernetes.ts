/**
 * The Kubernetes step: every object the platform creates through the cluster's API (the controllers'
 * Helm releases, Karpenter's node class and pool, the default StorageClass, namespaces and their
 * network policies, service accounts, HPAs, TargetGroupBindings). It reads the same stack file as the
 * AWS step (stacks/platform.ts) and that step's `kubernetesStep` output through a StackReference, and
 * runs from a network that reaches the private endpoint: the in-VPC runner. See docs/real-aws.md.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { readPlatformConfig } from "./config/load";
import { ConfigError } from "./config/problems";
import type { PlatformConfig } from "./config/schema";
import { HANDOFF_OUTPUT, KubernetesStepHandoff, handoffProblems, kubernetesStepProblems } from "./handoff";
import { buildClusterControllers, buildKubernetesWorkloads, buildTargetBindings } from "./wiring/kubernetes";

/** The AWS step's Pulumi project (Pulumi.yaml at the repository root). */
export const AWS_PROJECT = "platform";
/** This step's Pulumi project (stacks/kubernetes/Pulumi.yaml). */
export const KUBERNETES_PROJECT = "platform-kubernetes";

/** The AWS step's stack of the same name, fully qualified: a StackReference across projects needs it. */
export function awsStepStackName(org: string, stack: string): string {
  return `${org}/${AWS_PROJECT}/${stack}`;
}

export interface KubernetesStepOutputs {
  /** The AWS step this step read. */
  awsStack: string;
  clusterName: string;
  /** Namespaces, one per workload group: where the services' own pipelines deploy. */
  namespaces: string[];
  /** The service account each service's pods run as, namespace/name. */
  serviceAccounts: Record<string, string>;
}

/** The handoff and the kubeconfig, or a ConfigError naming what the AWS step has not deployed yet. */
async function readAwsStep(config: PlatformConfig, ref: pulumi.StackReference, awsStack: string): Promise<{ handoff: KubernetesStepHandoff; kubeconfig: pulumi.Output<string> }> {
  const [h, cluster] = await Promise.all([ref.getOutputDetails(HANDOFF_OUTPUT), ref.getOutputDetails("cluster")]);
  const handoff = (h.value ?? h.secretValue) as KubernetesStepHandoff | undefined;
  const problems = handoffProblems(config, handoff, awsStack);
  if (problems.length > 0) throw new ConfigError(problems);
  // The cluster output is secret as a whole because it holds the kubeconfig; only that stays secret.
  const kubeconfig = ((cluster.secretValue ?? cluster.value) as { kubeconfig?: string } | undefined)?.kubeconfig;
  if (kubeconfig === undefined) throw new Error(`stack ${awsStack} hands over a cluster but no cluster.kubeconfig output; run the AWS step again (npm run up -- --stack ${config.stack})`);
  return { handoff: handoff!, kubeconfig: pulumi.secret(kubeconfig) };
}

export async function createKubernetesStep(config: PlatformConfig, org = pulumi.getOrganization()): Promise<KubernetesStepOutputs> {
  const problems = kubernetesStepProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  const awsStack = awsStepStackName(org, config.stack);
  const ref = new pulumi.StackReference(`${config.name}-aws-step`, { name: awsStack });
  const { handoff, kubeconfig } = await readAwsStep(config, ref, awsStack);
  // Named as the AWS step once named it, so a state moved from there keeps its provider (docs/real-aws.md).
  const provider = new k8s.Provider(`${config.name}-cluster-k8s`, { kubeconfig });
  const deps = { handoff, provider };
  const controllers = buildClusterControllers(config, deps, {});
  const workloads = buildKubernetesWorkloads(config, deps, {});
  buildTargetBindings(config, { ...deps, controllers }, {});
  return {
    awsStack,
    clusterName: handoff.clusterName,
    namespaces: workloads.namespaces,
    serviceAccounts: Object.fromEntries(config.services.map((s) => [s.name, `${s.namespace}/${s.name}`])),
  };
}

/** The Kubernetes step's program: the same stack config, validated in full, then this step's own rules. */
export function mainKubernetes(): Promise<KubernetesStepOutputs> {
  return createKubernetesStep(readPlatformConfig(pulumi.runtime.allConfig(), pulumi.getStack()));
}
