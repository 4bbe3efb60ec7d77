/**
 * Output shapes of the remote components (awsx, eks). Under mocks they register as one resource with
 * no children, so the mock cloud answers with the plain outputs a real run returns: ids and id lists
 * sized from the arguments. Resource-typed outputs (vpc, subnets, routeTables...) are left out on
 * purpose: they would be fake objects, and the program must not read them (see
 * test/remoteOutputs.spec.ts).
 */
import { hex } from "./ids";
import type { Ctx } from "./resourceShapes";
import { CLUSTER_COMPONENT_SHAPES } from "./shapes/cluster";
import { ECS_COMPONENT_SHAPES } from "./shapes/ecs";

type Inputs = Record<string, any>;

function subnetIds(vpcName: string, inputs: Inputs, type: string): string[] {
  const azs: string[] = inputs.availabilityZoneNames ?? [];
  const specs: { type: string; name?: string }[] = inputs.subnetSpecs ?? [];
  return specs
    .filter((s) => s.type === type)
    .flatMap((s) => azs.map((_, i) => `subnet-${hex(`${vpcName}:${s.name ?? type}:${i}`, 17)}`));
}

export type ComponentShape = (name: string, inputs: Inputs, ctx: Ctx) => Record<string, unknown>;

/** The foundation's remote components; each tier adds its own in shapes/<tier>.ts. */
export const CORE_COMPONENT_SHAPES: Record<string, ComponentShape> = {
  "awsx:ec2:Vpc": (name, inputs) => ({
    vpcId: `vpc-${hex(`vpc:${name}`, 17)}`,
    publicSubnetIds: subnetIds(name, inputs, "Public"),
    privateSubnetIds: subnetIds(name, inputs, "Private"),
    isolatedSubnetIds: subnetIds(name, inputs, "Isolated"),
  }),
};

export const COMPONENT_SHAPES: Record<string, ComponentShape> = { ...CORE_COMPONENT_SHAPES, ...CLUSTER_COMPONENT_SHAPES, ...ECS_COMPONENT_SHAPES };
