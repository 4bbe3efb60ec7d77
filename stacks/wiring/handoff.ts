/**
 * The AWS step's `kubernetesStep` output: what the Kubernetes step needs from the AWS resources, in
 * one versioned object (stacks/handoff.ts reads it on the other side).
 */
import * as pulumi from "@pulumi/pulumi";
import type { Cluster } from "../../components/cluster/cluster";
import type { Workloads } from "../../components/cluster/serviceWorkloads";
import type { Runner } from "../../components/deploy/runner";
import type { Edge } from "../../components/edge/edge";
import type { Network } from "../../components/network/network";
import type { KeyRing } from "../../components/security/keyRing";
import type { PlatformConfig } from "../config/schema";
import { HANDOFF_VERSION, KubernetesStepHandoff, apiRoutes } from "../handoff";

export interface HandoffDeps {
  cluster: Cluster;
  workloads: Workloads;
  network: Network;
  keys: KeyRing;
  runner?: Runner;
  edge?: Edge;
}

export function buildHandoff(config: PlatformConfig, d: HandoffDeps): pulumi.Output<KubernetesStepHandoff> {
  // The runner route exists once the runner does; the others are settings of the cluster itself.
  const routes = apiRoutes(config).filter((r) => r !== "runner" || d.runner !== undefined);
  return pulumi.output({
    version: HANDOFF_VERSION,
    clusterName: d.cluster.clusterName,
    vpcId: d.network.vpcId,
    privateSubnetIds: d.network.privateSubnetIds,
    nodeSecurityGroupId: d.cluster.nodeSecurityGroupId,
    dataKeyArn: d.keys.keyArns.data,
    apiRoutes: routes,
    ...(d.runner ? { runner: { projectName: d.runner.projectName, runsOn: d.runner.runsOn } } : {}),
    controllerRoleArns: d.cluster.controllerRoleArns,
    ...(d.cluster.karpenter ? { karpenter: d.cluster.karpenter } : {}),
    serviceRoleArns: d.workloads.serviceRoleArns,
    ...(d.edge ? { edge: { albSecurityGroupId: d.edge.albSecurityGroupId, targetGroupArns: d.edge.targetGroupArns } } : {}),
  });
}
