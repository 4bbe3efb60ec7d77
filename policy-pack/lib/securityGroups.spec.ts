import { strict as assert } from "node:assert";
import * as policy from "@pulumi/policy";
import type { PolicyResource } from "@pulumi/policy";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { GroupRef, groupIndex, groupRefs, namesGroup, sameGroup } from "./securityGroups";

/** @pulumi/policy's proxy, which turns a read of an unknown value into an UnknownValueError, as the engine hands props to policies. */
const proxy = (policy as unknown as { unknownCheckingProxy<T extends object>(t: T): T }).unknownCheckingProxy;

function res(type: string, name: string, props: Record<string, unknown>, deps: Record<string, PolicyResource[]> = {}): PolicyResource {
  return { type, name, urn: `urn:${type}::${name}`, props: proxy(props), propertyDependencies: deps, dependencies: Object.values(deps).flat() } as unknown as PolicyResource;
}

const SG = "aws:ec2/securityGroup:SecurityGroup";
const a = res(SG, "a", { id: unknownValue });
const b = res(SG, "b", { id: unknownValue });
const known = res(SG, "known", { id: "sg-0123456789abcdef0" });
const cluster = res("eks:index:Cluster", "eks", {});
const kinds = (refs: GroupRef[]) => refs.map((g) => (g.kind === "id" ? g.id : g.kind === "resource" ? g.urn : "unresolved"));

describe("security-group references", () => {
  it("keeps known ids, and resolves unknown ones to the SecurityGroup resources they depend on, one for one", () => {
    const store = res("aws:rds/instance:Instance", "db", { vpcSecurityGroupIds: [unknownValue, "sg-0123456789abcdef0", unknownValue] }, { vpcSecurityGroupIds: [a, b, known] });
    const found = groupRefs(store, ["vpcSecurityGroupIds"]);
    assert.deepEqual(kinds(found.refs), ["sg-0123456789abcdef0", a.urn, b.urn], "the group whose id is known accounts for the known value");
    const ambiguous = res("aws:rds/instance:Instance", "db", { vpcSecurityGroupIds: [unknownValue] }, { vpcSecurityGroupIds: [a, b] });
    assert.deepEqual(kinds(groupRefs(ambiguous, ["vpcSecurityGroupIds"]).refs), ["unresolved"], "two groups behind one unknown value do not say which");
    const exact = res("aws:rds/instance:Instance", "db", { vpcSecurityGroupIds: [unknownValue, unknownValue] }, { vpcSecurityGroupIds: [a, b] });
    assert.deepEqual(kinds(groupRefs(exact, ["vpcSecurityGroupIds"]).refs), [a.urn, b.urn]);
    assert.equal(groupRefs(exact, ["vpcSecurityGroupIds"]).none, false);
  });

  it("leaves unresolved an unknown id that depends on another kind of resource, or sits in a nested field", () => {
    const rule = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "r", { securityGroupId: unknownValue }, { securityGroupId: [cluster] });
    assert.deepEqual(kinds(groupRefs(rule, ["securityGroupId"]).refs), ["unresolved"]);
    const msk = res("aws:msk/cluster:Cluster", "k", { brokerNodeGroupInfo: { securityGroups: [unknownValue] } }, { brokerNodeGroupInfo: [a] });
    assert.deepEqual(kinds(groupRefs(msk, ["brokerNodeGroupInfo", "securityGroups"]).refs), ["unresolved"]);
  });

  it("says whether a store names no group: known when the list is, undecided for a whole unknown list not built from a group", () => {
    assert.equal(groupRefs(res("t:m:R", "x", {}), ["securityGroupIds"]).none, true);
    assert.equal(groupRefs(res("t:m:R", "x", { securityGroupIds: [] }), ["securityGroupIds"]).none, true);
    assert.equal(groupRefs(res("t:m:R", "x", { securityGroupIds: unknownValue }, { securityGroupIds: [a] }), ["securityGroupIds"]).none, false);
    assert.equal(groupRefs(res("t:m:R", "x", { securityGroupIds: unknownValue }), ["securityGroupIds"]).none, undefined);
  });

  it("compares references by resource, by id, or not at all while one is unresolved", () => {
    const index = groupIndex([a, b, known]);
    const unresolved: GroupRef = { kind: "unresolved", reread: () => { throw new Error("unknown"); } };
    assert.equal(sameGroup({ kind: "resource", urn: a.urn }, { kind: "resource", urn: a.urn }, index), true);
    assert.equal(sameGroup({ kind: "resource", urn: a.urn }, { kind: "resource", urn: b.urn }, index), false);
    assert.equal(sameGroup({ kind: "id", id: "sg-0123456789abcdef0" }, { kind: "resource", urn: known.urn }, index), true);
    assert.equal(sameGroup({ kind: "id", id: "sg-0123456789abcdef0" }, { kind: "resource", urn: a.urn }, index), false, "a group being created has no id yet");
    assert.equal(sameGroup({ kind: "id", id: "sg-1" }, { kind: "id", id: "sg-1" }, index), true);
    assert.equal(sameGroup(unresolved, { kind: "resource", urn: a.urn }, index), undefined);
    assert.equal(namesGroup([{ kind: "resource", urn: b.urn }, unresolved], { kind: "resource", urn: a.urn }, index), undefined);
    assert.equal(namesGroup([{ kind: "resource", urn: b.urn }, unresolved], { kind: "resource", urn: b.urn }, index), true);
    assert.equal(namesGroup([{ kind: "resource", urn: b.urn }], { kind: "resource", urn: a.urn }, index), false);
  });
});
