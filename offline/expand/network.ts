/**
 * awsx:ec2:Vpc (@pulumi/awsx v3, awsx/ec2/vpc.ts): one VPC and one internet gateway (always, even
 * with no public subnet); per AZ and per subnet spec that is not "Unused", a subnet, a route table
 * and its association, public subnets first; a 0.0.0.0/0 route to the gateway from each public
 * table and to a NAT gateway from each private one (isolated subnets get none); NAT gateways, each
 * with an Elastic IP, in the public subnets by strategy (OnePerAz, the default: one per AZ;
 * Single: one, in the first AZ; None: none); one endpoint per vpcEndpointSpecs entry.
 */
import type { ExpandContext, SynthesizedResource } from "../expand";
import { child, known } from "../expand";
import { hex } from "../ids";
import type { RecordedResource } from "../recorder";

interface SubnetSpec {
  type: string;
  name?: string;
  cidrBlocks?: string[];
  tags?: Record<string, string>;
}

const ORDER: Record<string, number> = { public: 0, private: 1, isolated: 2 };

/** How many NAT gateways the strategy creates for `azCount` AZs (awsx shouldCreateNatGateway). */
export function natGatewayCount(strategy: string | undefined, azCount: number): number {
  switch ((strategy ?? "OnePerAz").toLowerCase()) {
    case "none": return 0;
    case "single": return Math.min(1, azCount);
    default: return azCount;
  }
}

/** The subnet ids the component reported for `type`, in spec order then AZ order (as awsx lists them). */
function reportedIds(component: RecordedResource, type: string): string[] {
  const ids = component.outputs[`${type}SubnetIds`];
  return Array.isArray(ids) ? ids : [];
}

export function expandVpc(vpc: RecordedResource, ctx: ExpandContext): SynthesizedResource[] {
  const name = vpc.name;
  const inputs = vpc.inputs;
  const azs: string[] = Array.isArray(inputs.availabilityZoneNames) ? inputs.availabilityZoneNames : [];
  const specs: SubnetSpec[] = (Array.isArray(inputs.subnetSpecs) ? inputs.subnetSpecs : []).filter((s: SubnetSpec) => s.type !== "Unused");
  const sharedTags = { Name: name, ...(inputs.tags ?? {}) };
  const make = (type: string, n: string, i: Record<string, any>, o: Record<string, any> = {}) => child(vpc, ctx.region, type, n, i, o);
  const vpcId = known(vpc.outputs.vpcId) ? vpc.outputs.vpcId : `vpc-${hex(`vpc:${name}`, 17)}`;
  const igwId = `igw-${hex(`igw:${name}`, 17)}`;
  const out: SynthesizedResource[] = [
    make("aws:ec2/vpc:Vpc", name, {
      cidrBlock: inputs.cidrBlock ?? "10.0.0.0/16", enableDnsHostnames: inputs.enableDnsHostnames, enableDnsSupport: inputs.enableDnsSupport,
      instanceTenancy: inputs.instanceTenancy, tags: sharedTags,
    }, { id: vpcId, arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:vpc/${vpcId}` }),
    make("aws:ec2/internetGateway:InternetGateway", name, { vpcId, tags: sharedTags }, { id: igwId }),
  ];
  for (const spec of Array.isArray(inputs.vpcEndpointSpecs) ? inputs.vpcEndpointSpecs : []) {
    const id = `vpce-${hex(`vpce:${name}:${spec.serviceName}`, 17)}`;
    out.push(make("aws:ec2/vpcEndpoint:VpcEndpoint", spec.serviceName, { ...spec, vpcId }, { id }));
  }
  const nats = natGatewayCount(inputs.natGateways?.strategy, azs.length);
  const natIds: string[] = [];
  const ordered = [...specs].sort((a, b) => (ORDER[a.type.toLowerCase()] ?? 3) - (ORDER[b.type.toLowerCase()] ?? 3));
  azs.forEach((az, i) => {
    for (const spec of ordered) {
      const type = spec.type.toLowerCase();
      const subnetName = `${name}-${spec.name ?? type}-${i + 1}`;
      // awsx reports ids spec by spec, each spec across all AZs.
      const specIndex = specs.filter((s) => s.type === spec.type).indexOf(spec);
      const reported = reportedIds(vpc, type)[specIndex * azs.length + i];
      const subnetId = known(reported) ? reported : `subnet-${hex(`${name}:${spec.name ?? spec.type}:${i}`, 17)}`;
      out.push(make("aws:ec2/subnet:Subnet", subnetName, {
        vpcId, availabilityZone: az, cidrBlock: spec.cidrBlocks?.[i], mapPublicIpOnLaunch: type === "public",
        tags: { ...sharedTags, ...(spec.tags ?? {}), Name: subnetName, SubnetType: spec.type },
      }, { id: subnetId, arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:subnet/${subnetId}` }));
      const rtbId = `rtb-${hex(`rtb:${subnetName}`, 17)}`;
      out.push(make("aws:ec2/routeTable:RouteTable", subnetName, { vpcId, tags: { ...sharedTags, Name: subnetName, SubnetType: spec.type } }, { id: rtbId }));
      out.push(make("aws:ec2/routeTableAssociation:RouteTableAssociation", subnetName, { routeTableId: rtbId, subnetId }, { id: `rtbassoc-${hex(`assoc:${subnetName}`, 17)}` }));
      if (type === "public" && natIds.length < nats) out.push(...natGateway(make, name, inputs.tags, natIds, subnetId));
      if (type === "public") out.push(make("aws:ec2/route:Route", subnetName, { routeTableId: rtbId, gatewayId: igwId, destinationCidrBlock: "0.0.0.0/0" }));
      if (type === "private" && nats > 0) {
        const natGatewayId = natIds[Math.min(i, natIds.length - 1)];
        out.push(make("aws:ec2/route:Route", subnetName, { routeTableId: rtbId, natGatewayId, destinationCidrBlock: "0.0.0.0/0" }));
      }
    }
  });
  return out;
}

type Make = (type: string, name: string, inputs: Record<string, any>, outputs?: Record<string, any>) => SynthesizedResource;

/** The Elastic IP and NAT gateway awsx names `<vpc>-<n>` for the n-th AZ. */
function natGateway(make: Make, vpcName: string, tags: Record<string, string> | undefined, natIds: string[], subnetId: string): SynthesizedResource[] {
  const n = `${vpcName}-${natIds.length + 1}`;
  const allocationId = `eipalloc-${hex(`eip:${n}`, 17)}`;
  const natId = `nat-${hex(`nat:${n}`, 17)}`;
  natIds.push(natId);
  return [
    make("aws:ec2/eip:Eip", n, { tags: { ...(tags ?? {}), Name: n } }, { id: allocationId, allocationId }),
    make("aws:ec2/natGateway:NatGateway", n, { subnetId, allocationId, tags: { ...(tags ?? {}), Name: n } }, { id: natId }),
  ];
}
