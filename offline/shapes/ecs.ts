/**
 * What the mock cloud returns for the ECS engine of the cluster tier: the low-level types its two
 * components declare (ids, ARNs and AWS name limits), awsx's EC2Service, and the AMI look-up.
 */
import type { ComponentShape } from "../componentShapes";
import { hex, uuid } from "../ids";
import type { Invoke } from "../invokes";
import type { Ctx, Shape } from "../resourceShapes";

const arn = (service: string, ctx: Ctx, resource: string) => `arn:aws:${service}:${ctx.region}:${ctx.account}:${resource}`;

/** Capacity provider names may not start with these. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html */
const RESERVED_PREFIXES = /^(aws|ecs|fargate)/i;

export const ECS_SHAPES: Record<string, Shape> = {
  // The provider's id of a cluster is its ARN. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html (name ≤ 255)
  "aws:ecs/cluster:Cluster": {
    nameProp: "name",
    nameLimit: 255,
    id: (name, _i, ctx) => arn("ecs", ctx, `cluster/${name}`),
    extra: (id, name) => ({ arn: id, name }),
  },
  "aws:ecs/capacityProvider:CapacityProvider": {
    nameProp: "name",
    nameLimit: 255,
    id: (name, _i, ctx) => {
      if (RESERVED_PREFIXES.test(name)) throw new Error(`aws:ecs/capacityProvider:CapacityProvider: AWS rejects the name "${name}": it may not start with aws, ecs or fargate`);
      return arn("ecs", ctx, `capacity-provider/${name}`);
    },
    extra: (id, name) => ({ arn: id, name }),
  },
  "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": { id: (_n, inputs) => String(inputs.clusterName) },
  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html (name ≤ 255)
  "aws:autoscaling/group:Group": {
    nameProp: "name",
    nameLimit: 255,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ name, arn: arn("autoscaling", ctx, `autoScalingGroup:${uuid(`asg:${name}`)}:autoScalingGroupName/${name}`) }),
  },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (instance profile name ≤ 128)
  "aws:iam/instanceProfile:InstanceProfile": {
    nameProp: "name",
    nameLimit: 128,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ name, arn: `arn:aws:iam::${ctx.account}:instance-profile/${name}`, uniqueId: `AIPA${hex(`aipa:${name}`, 17).toUpperCase()}` }),
  },
  // https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html (name ≤ 253)
  "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": {
    nameProp: "name",
    nameLimit: 253,
    id: (name) => `ns-${hex(`ns:${name}`, 16)}`,
    extra: (id, name, _i, ctx) => ({ name, arn: arn("servicediscovery", ctx, `namespace/${id}`), hostedZone: `Z${hex(`zone:${name}`, 20).toUpperCase()}` }),
  },
  // https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html (name ≤ 127)
  "aws:servicediscovery/service:Service": {
    nameProp: "name",
    nameLimit: 127,
    id: (name, inputs) => `srv-${hex(`srv:${inputs.dnsConfig?.namespaceId}:${name}`, 16)}`,
    extra: (id, name, _i, ctx) => ({ name, arn: arn("servicediscovery", ctx, `service/${id}`) }),
  },
};

/**
 * awsx:ecs:EC2Service. Its only outputs, `service` and `taskDefinition`, are resource references:
 * under mocks they would be fake objects, and the program reads neither (test/remoteOutputs.ts).
 */
const ec2Service: ComponentShape = () => ({});

export const ECS_COMPONENT_SHAPES: Record<string, ComponentShape> = {
  "awsx:ecs:EC2Service": ec2Service,
};

/**
 * The public SSM parameters AWS publishes for its AMIs (the ECS-optimized image_id ones, and the
 * Amazon Linux ones the NAT instance boots from); anything else does not exist.
 */
export const ECS_INVOKES: Record<string, Invoke> = {
  "aws:ssm/getParameter:getParameter": (inputs, { region }) => {
    const name = String(inputs.name);
    if (!/^\/aws\/service\/(.+\/image_id|ami-amazon-linux-latest\/[a-z0-9.-]+)$/.test(name)) throw new Error(`ParameterNotFound: the mock cloud knows no SSM parameter ${name}`);
    const value = `ami-${hex(`ami:${region}:${name}`, 17)}`;
    return {
      id: name, name, arn: `arn:aws:ssm:${region}::parameter${name}`, type: "String", value, insecureValue: value, version: 142, withDecryption: inputs.withDecryption ?? true,
    };
  },
};
