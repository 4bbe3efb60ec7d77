/**
 * Interim: the billable children of the remote components (@pulumi/eks v4, @pulumi/awsx v3), in the
 * shape of offline/expand.ts's SynthesizedResource, which issue 13 is building for the
 * CloudFormation rendering. When that lands, the estimate takes expandRemoteComponents' output
 * instead and this file goes (one call site: estimateStack in stackCost.ts).
 */
import type { RecordedResource } from "../recorder";

export interface SynthesizedResource {
  type: string;
  name: string;
  componentUrn: string;
  region: string;
  inputs: Record<string, any>;
  outputs: Record<string, any>;
}

/** awsx's NAT count per strategy: OnePerAz (the default) one per AZ, Single one, None none. */
function natCount(strategy: unknown, azs: number): number {
  const s = String(strategy ?? "OnePerAz").toLowerCase();
  return s === "none" ? 0 : s === "single" ? Math.min(1, azs) : azs;
}

function children(r: RecordedResource): Array<Omit<SynthesizedResource, "componentUrn" | "region">> {
  const a = r.inputs;
  switch (r.type) {
    case "eks:index:Cluster":
      return [{ type: "aws:eks/cluster:Cluster", name: r.name, inputs: { name: a.name, version: a.version, upgradePolicy: a.upgradePolicy }, outputs: {} }];
    case "eks:index:ManagedNodeGroup":
      // The component's default scaling when none is given (nodes.ts): 2 nodes.
      return [{ type: "aws:eks/nodeGroup:NodeGroup", name: r.name, inputs: {
        instanceTypes: a.instanceTypes, capacityType: a.capacityType, diskSize: a.diskSize, launchTemplate: a.launchTemplate,
        scalingConfig: a.scalingConfig ?? { desiredSize: 2, minSize: 1, maxSize: 2 },
      }, outputs: {} }];
    case "awsx:ec2:Vpc": {
      const azs = Array.isArray(a.availabilityZoneNames) ? a.availabilityZoneNames.length : 3;
      const nats = Array.from({ length: natCount(a.natGateways?.strategy, azs) }, (_, i) => [
        { type: "aws:ec2/eip:Eip", name: `${r.name}-${i + 1}`, inputs: {}, outputs: {} },
        { type: "aws:ec2/natGateway:NatGateway", name: `${r.name}-${i + 1}`, inputs: {}, outputs: {} },
      ]).flat();
      const endpoints = (Array.isArray(a.vpcEndpointSpecs) ? a.vpcEndpointSpecs : []).map((spec: Record<string, any>) => (
        { type: "aws:ec2/vpcEndpoint:VpcEndpoint", name: String(spec.serviceName), inputs: spec, outputs: {} }));
      return [...nats, ...endpoints];
    }
    default:
      return [];
  }
}

export function billableRemoteChildren(resources: RecordedResource[], stackRegion: string): SynthesizedResource[] {
  return resources.flatMap((r) => (r.custom ? [] : children(r).map((c) => ({ ...c, componentUrn: r.urn, region: r.provider?.region ?? stackRegion }))));
}
