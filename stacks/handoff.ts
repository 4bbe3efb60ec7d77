/**
 * The order of a deployment, and what its first step hands its second.
 *
 * A stack deploys in two steps. The AWS step (this project, stacks/platform.ts) creates every AWS
 * resource, the in-VPC runner among them, and exports the `kubernetesStep` output. The Kubernetes
 * step (the platform-kubernetes project, stacks/kubernetes.ts) reads that output through a
 * StackReference and creates every object that goes through the cluster's API. The rules here reject
 * a Kubernetes step that would run before any route to the API exists, naming the key and the next
 * step, before it creates anything. Pure; no Pulumi imports.
 */
import type { ConfigProblem } from "./config/problems";
import type { PlatformConfig } from "./config/schema";
import { hasKubernetesStep } from "./config/sections/deploy";

/** How the Kubernetes step may reach the API: the in-VPC runner, allow-listed networks, or the public endpoint. */
export const API_ROUTES = ["runner", "privateAccessCidrs", "publicAccess"] as const;
export type ApiRoute = (typeof API_ROUTES)[number];

/** The AWS step's stack output the Kubernetes step reads. */
export const HANDOFF_OUTPUT = "kubernetesStep";
/** Raised when the AWS step exports a handoff shape this Kubernetes step does not know. */
export const HANDOFF_VERSION = 1;

/** The AWS step's `kubernetesStep` output, as the Kubernetes step reads it: plain values. */
export interface KubernetesStepHandoff {
  version: number;
  clusterName: string;
  vpcId: string;
  privateSubnetIds: string[];
  nodeSecurityGroupId: string;
  /** Encrypts the default StorageClass's volumes and Karpenter's root volumes. */
  dataKeyArn: string;
  /** The routes to the API the AWS step has created. */
  apiRoutes: ApiRoute[];
  runner?: { projectName: string; runsOn: string };
  controllerRoleArns: { loadBalancerController: string; autoscaler: string };
  karpenter?: { interruptionQueueName: string; nodeRoleName: string };
  serviceRoleArns: Record<string, string>;
  /** With the edge tier: what the TargetGroupBindings name. */
  edge?: { albSecurityGroupId: string; targetGroupArns: Record<string, string> };
}

/** The routes to the API a stack's config asks for; none without an EKS cluster. */
export function apiRoutes(config: Pick<PlatformConfig, "cluster" | "deploy">): ApiRoute[] {
  if (!hasKubernetesStep(config.cluster)) return [];
  const e = config.cluster.endpoint;
  return API_ROUTES.filter((r) => (r === "runner" ? config.deploy.runner.enabled : r === "privateAccessCidrs" ? e.privateAccessCidrs.length > 0 : e.publicAccess));
}

/** The commands of each step, for messages. */
export const awsStepCommand = (stack: string) => `npm run up -- --stack ${stack}`;
export const kubernetesStepCommand = (stack: string) => `npm run up -- --stack ${stack} --step kubernetes`;

/**
 * The Kubernetes step's own config rules: the stack has one (EKS), and some route to its API exists.
 * Checked before the step creates anything, the StackReference included.
 */
export function kubernetesStepProblems(config: PlatformConfig): ConfigProblem[] {
  const stack = config.stack;
  if (!hasKubernetesStep(config.cluster)) {
    const key = config.cluster.enabled ? "platform:cluster.engine" : "platform:cluster.enabled";
    return [{
      key, value: config.cluster.enabled ? config.cluster.engine : false,
      allowed: `${config.cluster.enabled ? "eks" : "true with engine eks"} for a Kubernetes step: this stack creates no Kubernetes objects, so \`${awsStepCommand(stack)}\` is its whole deployment`,
    }];
  }
  if (apiRoutes(config).length > 0) return [];
  return [{
    key: "platform:deploy.runner.enabled", value: false,
    allowed: `true before the Kubernetes step, or networks in platform:cluster.endpoint.privateAccessCidrs: the API endpoint is private, so nothing reaches it yet. Next: enable the runner (repository, connectionArn), run the AWS step (\`${awsStepCommand(stack)}\`), then \`${kubernetesStepCommand(stack)}\` on the runner`,
  }];
}

/**
 * What the AWS step has not deployed yet that this Kubernetes step needs: the handoff itself, a
 * route the config names, a service's role, a routed service's target group, the autoscaler's role.
 * `awsStack` is the referenced stack's full name.
 */
export function handoffProblems(config: PlatformConfig, handoff: KubernetesStepHandoff | undefined, awsStack: string): ConfigProblem[] {
  const next = `Next: run the AWS step (\`${awsStepCommand(config.stack)}\`), then this step again`;
  if (handoff === undefined || handoff.version !== HANDOFF_VERSION) {
    return [{
      key: "platform:cluster.enabled", value: true,
      allowed: `a cluster the AWS step has deployed: stack ${awsStack} has ${handoff === undefined ? `no \`${HANDOFF_OUTPUT}\` output (not deployed yet, or deployed before the two steps)` : `a \`${HANDOFF_OUTPUT}\` output of version ${handoff.version}, not ${HANDOFF_VERSION}`}. ${next}`,
    }];
  }
  const out: ConfigProblem[] = [];
  const wanted = apiRoutes(config);
  if (!wanted.some((r) => handoff.apiRoutes.includes(r))) {
    out.push({
      key: wanted.includes("runner") ? "platform:deploy.runner.enabled" : "platform:cluster.endpoint",
      value: wanted,
      allowed: `a route to the API the AWS step has created: stack ${awsStack} has ${handoff.apiRoutes.length === 0 ? "none" : handoff.apiRoutes.join(", ")}. ${next}${wanted.includes("runner") ? " on the runner" : ""}`,
    });
  }
  config.services.forEach((s, i) => {
    if (handoff.serviceRoleArns[s.name] === undefined) out.push({ key: `platform:services[${i}].name`, value: s.name, allowed: `a service the AWS step has given an IAM role: stack ${awsStack} has none for it. ${next}` });
    else if (config.edge.enabled && s.routePath !== undefined && handoff.edge?.targetGroupArns[s.name] === undefined) {
      out.push({ key: `platform:services[${i}].routePath`, value: s.routePath, allowed: `a route the AWS step has given a target group: stack ${awsStack} has none for ${s.name}. ${next}` });
    }
  });
  const kind = hasKubernetesStep(config.cluster) ? config.cluster.autoscaler.kind : "cluster-autoscaler";
  if ((kind === "karpenter") !== (handoff.karpenter !== undefined)) {
    out.push({ key: "platform:cluster.autoscaler.kind", value: kind, allowed: `the autoscaler the AWS step has made roles for: stack ${awsStack} has ${handoff.karpenter ? "karpenter" : "cluster-autoscaler"}. ${next}` });
  }
  return out;
}
