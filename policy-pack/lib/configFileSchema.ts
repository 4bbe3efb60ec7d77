/**
 * The JSON Schema of a policy-pack config file (`--policy-pack-config`), built from the policies'
 * own configSchemas. The Pulumi engine validates each policy's settings against
 * `{ type: "object", properties, required }` only (pkg/resource/analyzer/config.go, convertSchema):
 * it accepts a misspelt policy name or setting silently, and the policy then runs on its default.
 * This schema is stricter, for the pack's tests and for anyone checking a config file before use:
 * unknown policy names and unknown settings are errors, and so is any enforcement level the
 * engine would reject.
 */
import type { EnforcementLevel, Policy } from "@pulumi/policy";

/** The levels the engine accepts (apitype.EnforcementLevel.IsValid). */
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

const level = { enum: [...ENFORCEMENT_LEVELS] };

/** Schema of one policy's entry: a level, or an object with an optional level and its settings. */
export function policyEntrySchema(p: Pick<Policy, "configSchema">): Record<string, unknown> {
  const settings = p.configSchema?.properties ?? {};
  return {
    anyOf: [
      level,
      {
        type: "object",
        properties: { enforcementLevel: level, ...settings },
        ...(p.configSchema?.required?.length ? { required: p.configSchema.required } : {}),
        additionalProperties: false,
      },
    ],
  };
}

/** Schema of a whole config file for `policies`: `all` plus one optional entry per policy, nothing else. */
export function configFileSchema(policies: readonly Pick<Policy, "name" | "configSchema">[]): Record<string, unknown> {
  return {
    type: "object",
    properties: { all: level, ...Object.fromEntries(policies.map((p) => [p.name, policyEntrySchema(p)])) },
    additionalProperties: false,
  };
}
