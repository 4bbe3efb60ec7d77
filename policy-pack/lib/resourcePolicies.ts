/**
 * Resource policies (bucket policies, EFS file system policies) as a stack policy reads them: the
 * JSON document, its statements, and the one statement every data store here must carry, a Deny of
 * everything not over TLS for every principal.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */

/** A policy element that may be one value or a list, as a list. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The policy document: JSON text parsed, an object as is, anything unparsable as undefined. */
export function parsePolicy(policy: unknown): any {
  if (typeof policy !== "string") return policy;
  try {
    return JSON.parse(policy);
  } catch {
    return undefined;
  }
}

/** The statements of a policy document (an absent or malformed document has none). */
export const statementsOf = (policy: unknown): any[] => list(parsePolicy(policy)?.Statement);

/** True for a Principal that names everyone: "*" or { AWS: "*" }. */
export const isEveryone = (principal: any): boolean => principal === "*" || list(principal?.AWS).includes("*");

/**
 * A Deny for everyone of every action one of `wildcards` names, whenever the request is not over
 * TLS, and under no other condition: a second condition key or operator would narrow it to some
 * plaintext requests only. Which resources it covers is the caller's to check.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport
 */
export function deniesInsecureTransport(statement: any, wildcards: readonly string[]): boolean {
  if (statement?.Effect !== "Deny" || !isEveryone(statement.Principal)) return false;
  if (!list(statement.Action).some((a) => wildcards.includes(a as string))) return false;
  const condition = statement.Condition ?? {};
  const bool = condition.Bool ?? {};
  return Object.keys(condition).length === 1 && Object.keys(bool).length === 1 && String(bool["aws:SecureTransport"]) === "false";
}

/** True when an IAM Resource pattern (with * and ? wildcards) matches `arn`. */
export function resourceMatches(pattern: string, arn: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${regex}$`).test(arn);
}
