/**
 * Which KMS key a resource's key property names, as a stack policy sees it: a key of this stack
 * (by property dependency, through an alias too, or by its known ARN or id), an AWS-managed key
 * (the property is unset, so the service falls back to aws/<service>, or it names an alias/aws/*
 * alias), or a key from outside the stack.
 * https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key
 */
import type { PolicyResource } from "@pulumi/policy";
import { T } from "./types";
import { Read, known } from "./unknowns";

export type KeyRef =
  /** A customer-managed key declared in this stack. */
  | { kind: "stack"; key: PolicyResource }
  /** A key ARN or id from outside the stack: customer-managed as far as the pack can tell. */
  | { kind: "external"; id: string }
  /** No key (the service's AWS-managed key) or an alias/aws/* alias. */
  | { kind: "aws-managed"; id?: string }
  /** Unknown during preview and linked to no key of the stack: cannot be decided yet. */
  | { kind: "unknown" };

/** AWS-managed keys are addressed by aliases aws/<service>, bare or in an alias ARN. */
export const AWS_MANAGED = /^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/aws\//;

const str = (r: PolicyResource, prop: string): string | undefined => {
  const v = known(r.props, prop);
  return typeof v === "string" ? v : undefined;
};

/** The key an alias of this stack points at, by dependency or by its known targetKeyId. */
function aliasTarget(alias: PolicyResource, keys: PolicyResource[]): PolicyResource | undefined {
  const dep = (alias.propertyDependencies.targetKeyId ?? []).find((d) => d.type === T.kmsKey);
  if (dep) return dep;
  const target = str(alias, "targetKeyId");
  return target === undefined ? undefined : keys.find((k) => [str(k, "arn"), str(k, "keyId"), str(k, "id")].includes(target));
}

/** The stack key a value names: a key's ARN, key id or resource id, or an alias's name or ARN. */
function byValue(value: string, resources: PolicyResource[]): PolicyResource | undefined {
  const keys = resources.filter((r) => r.type === T.kmsKey);
  const key = keys.find((k) => [str(k, "arn"), str(k, "keyId"), str(k, "id")].includes(value));
  if (key) return key;
  const alias = resources.find((r) => r.type === T.kmsAlias && [str(r, "name"), str(r, "arn")].includes(value));
  return alias && aliasTarget(alias, keys);
}

/**
 * Resolves the key that `holder` names in `prop` (the top-level property its dependencies are
 * recorded under), given the value read at the nested path the service uses.
 */
export function resolveKey(resources: PolicyResource[], holder: PolicyResource, prop: string, value: Read<unknown>): KeyRef {
  // A key value known to be absent is the AWS-managed key, whatever the property still depends on:
  // the dependency is recorded per top-level property, so a nested key dropped from an object
  // derived from the key (e.g. MSK's encryptionInfo) leaves it behind.
  if (!value.unknown && (value.value === undefined || value.value === null || value.value === "")) return { kind: "aws-managed" };
  const keys = resources.filter((r) => r.type === T.kmsKey);
  for (const d of holder.propertyDependencies[prop] ?? []) {
    if (d.type === T.kmsKey) return { kind: "stack", key: d };
    const target = d.type === T.kmsAlias ? aliasTarget(d, keys) : undefined;
    if (target) return { kind: "stack", key: target };
  }
  if (value.unknown) return { kind: "unknown" };
  if (typeof value.value !== "string" || value.value === "") return { kind: "aws-managed" };
  if (AWS_MANAGED.test(value.value)) return { kind: "aws-managed", id: value.value };
  const key = byValue(value.value, resources);
  return key ? { kind: "stack", key } : { kind: "external", id: value.value };
}
