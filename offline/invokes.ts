/**
 * Invokes the mock cloud answers, by token. Each tier adds the data sources it calls; anything not
 * listed fails loudly.
 */
import { MOCK_ACCOUNT_ID, hex } from "./ids";
import { renderPolicyDocument } from "./policyDocument";
import { EDGE_INVOKES } from "./shapes/edge";
import type { Ctx } from "./resourceShapes";
import { CLUSTER_INVOKES } from "./shapes/cluster";
import { ECS_INVOKES } from "./shapes/ecs";

export type Invoke = (inputs: Record<string, any>, ctx: Ctx) => Record<string, any>;

/** AZ letters per region the mock knows; others get a-c. us-east-1 really has six. */
const AZ_LETTERS: Record<string, string> = { "us-east-1": "abcdef", "us-west-2": "abcd", "eu-west-1": "abc", "eu-central-1": "abc" };

export const CORE_INVOKES: Record<string, Invoke> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": (_i, { region }) => {
    const letters = [...(AZ_LETTERS[region] ?? "abc")];
    return {
      id: region,
      region,
      names: letters.map((l) => `${region}${l}`),
      zoneIds: letters.map((_, i) => `${region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
      groupNames: letters.map(() => region),
    };
  },
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    id: MOCK_ACCOUNT_ID, accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/deploy`, userId: "AROAMOCKDEPLOY:ci",
  }),
  "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }),
  "aws:index/getRegion:getRegion": (_i, { region }) => ({ id: region, region, name: region, endpoint: `ec2.${region}.amazonaws.com`, description: region }),
  // The private subnets' route tables, which the NAT instance's routes go into (natGateways: "instance").
  "aws:ec2/getRouteTable:getRouteTable": (inputs) => {
    const id = `rtb-${hex(`rtb-of:${inputs.subnetId}`, 17)}`;
    return { id, routeTableId: id, subnetId: inputs.subnetId, vpcId: "vpc-0000000000000000", routes: [], associations: [{ subnetId: inputs.subnetId, routeTableId: id }] };
  },
  "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => {
    const json = renderPolicyDocument(inputs);
    return { id: "policy", json, minifiedJson: JSON.stringify(JSON.parse(json)) };
  },
};

export const INVOKES: Record<string, Invoke> = { ...CORE_INVOKES, ...CLUSTER_INVOKES, ...EDGE_INVOKES, ...ECS_INVOKES };
