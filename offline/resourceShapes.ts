/**
 * What the mock cloud returns per resource type: id format, ARN, autonaming and the AWS name limit
 * the real API enforces. Real AWS rejects names the mocks would otherwise accept, so the mock cloud
 * enforces the limits too.
 */
import { hex, uuid } from "./ids";
import { MONITORING_SHAPES } from "./shapes/monitoring";
import { CLUSTER_SHAPES } from "./shapes/cluster";
import { STORAGE_SHAPES } from "./shapes/storage";
import { EDGE_SHAPES } from "./shapes/edge";
import { DATA_SHAPES } from "./shapes/data";
import { ECS_SHAPES } from "./shapes/ecs";
import { DEPLOY_SHAPES } from "./shapes/deploy";

export interface Ctx {
  region: string;
  account: string;
}

export interface Shape {
  /** Input property holding the physical name, auto-named when absent. */
  nameProp?: string;
  /** AWS limit on that name, in characters. */
  nameLimit?: number;
  id: (name: string, inputs: Record<string, any>, ctx: Ctx) => string;
  /** What the API rejects in the inputs that the provider does not check, if anything. */
  reject?: (inputs: Record<string, any>) => string | undefined;
  extra?: (id: string, name: string, inputs: Record<string, any>, ctx: Ctx) => Record<string, unknown>;
}

const ec2 = (prefix: string, resource: string): Shape => ({
  id: (name) => `${prefix}-${hex(`${prefix}:${name}`, 17)}`,
  extra: (id, _n, _i, ctx) => ({ arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:${resource}/${id}` }),
});

/**
 * A security group's description: at most 255 of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*.
 * The provider does not check the characters, so a bad one fails halfway through `pulumi up`.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
 */
export function securityGroupTextProblem(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  const bad = [...new Set(text.replace(/[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, ""))];
  if (bad.length > 0) return `EC2 rejects the description "${text}": it may not contain ${bad.map((c) => JSON.stringify(c)).join(", ")}`;
  return text.length > 255 ? `EC2 rejects the description "${text}": ${text.length} characters; the limit is 255` : undefined;
}

/** Shapes of the foundation's types; each tier adds its own in shapes/<tier>.ts. */
export const CORE_SHAPES: Record<string, Shape> = {
  "aws:kms/key:Key": {
    id: (name) => uuid(`kms:${name}`),
    extra: (id, _n, _i, ctx) => ({ keyId: id, arn: `arn:aws:kms:${ctx.region}:${ctx.account}:key/${id}` }),
  },
  "aws:kms/alias:Alias": {
    nameProp: "name",
    nameLimit: 256,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:kms:${ctx.region}:${ctx.account}:${name}` }),
  },
  "aws:cloudwatch/logGroup:LogGroup": {
    nameProp: "name",
    nameLimit: 512,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:logs:${ctx.region}:${ctx.account}:log-group:${name}` }),
  },
  "aws:iam/role:Role": {
    nameProp: "name",
    nameLimit: 64,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:iam::${ctx.account}:role/${name}`, uniqueId: `AROA${hex(name, 17).toUpperCase()}` }),
  },
  "aws:iam/rolePolicy:RolePolicy": {
    nameProp: "name",
    nameLimit: 128,
    id: (name, inputs) => `${inputs.role}:${name}`,
  },
  "aws:ec2/securityGroup:SecurityGroup": { ...ec2("sg", "security-group"), nameProp: "name", nameLimit: 255, reject: (i) => securityGroupTextProblem(i.description) },
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": ec2("sg", "security-group"),
  "aws:ec2/vpcEndpoint:VpcEndpoint": ec2("vpce", "vpc-endpoint"),
  "aws:ec2/flowLog:FlowLog": ec2("fl", "vpc-flow-log"),
  // The NAT instance (natGateways: "instance"): routes point at its primary network interface.
  "aws:ec2/instance:Instance": {
    id: (name) => `i-${hex(`i:${name}`, 17)}`,
    extra: (id, name, _i, ctx) => ({
      arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:instance/${id}`,
      primaryNetworkInterfaceId: `eni-${hex(`eni:${name}`, 17)}`,
      privateIp: "10.0.32.10",
    }),
  },
  "aws:ec2/route:Route": { id: (_n, inputs) => `r-${inputs.routeTableId}1080289494` },
};

export const SHAPES: Record<string, Shape> = { ...CORE_SHAPES, ...STORAGE_SHAPES, ...CLUSTER_SHAPES, ...EDGE_SHAPES, ...DATA_SHAPES, ...MONITORING_SHAPES, ...ECS_SHAPES, ...DEPLOY_SHAPES };

/** Fallback for types without a shape: an opaque id, never a silent empty string. */
export const GENERIC: Shape = { id: (name) => `${name}-${hex(name, 8)}` };
