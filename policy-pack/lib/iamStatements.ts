/**
 * Checks a policy document's actions and condition keys against AWS's IAM reference data: every
 * action (or NotAction) names a real service and matches at least one of its actions, wildcards
 * included; every condition key is a global key or a key of a service the statement's actions
 * belong to. IAM ignores neither silently-wrong case: an unknown action grants or denies nothing,
 * and a condition on a key absent from the request never matches (or, under a negated operator,
 * always does). Names compare case-insensitively, as IAM compares them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
import { actionsOf, conditionKeyExists, conditionKeysOf, globalConditionKeys, servicePrefixes, variableStem, wildcardPattern } from "./iamReference";
import { didYouMean, editDistance, nearest } from "./nearMatch";
import { list, parsePolicy } from "./resourcePolicies";
import { Unknown } from "./unknowns";

/**
 * Claims IAM exposes as condition keys `<issuer>:<claim>` for an OIDC provider (EKS service
 * account tokens carry aud and sub).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 * https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html
 */
export const OIDC_CLAIMS: readonly string[] = ["aud", "sub", "amr", "oaud"];

/** The OIDC providers a document's federation keys may name. */
export interface OidcProviders {
  /** Issuers (the provider ARN after "oidc-provider/", or its URL without https://), lower case. */
  issuers: ReadonlySet<string>;
  /** True while a provider of the stack has an ARN unknown during preview: an issuer not yet matched may be its. */
  pending: boolean;
}

export interface DocumentFindings {
  /** One phrase per problem, naming the statement: `statement "Sid" names action s3:GetObjects, which ...`. */
  problems: string[];
  /** Parts of the document unknown during preview (the whole document, as JSON text built from ARNs, usually). */
  unknowns: Unknown[];
  /** True when an OIDC key waits on a provider whose ARN is unknown during preview. */
  waitsOnProvider: boolean;
}

/** The issuer an OIDC provider ARN names (arn:aws:iam::123456789012:oidc-provider/<issuer>), lower case. */
export const issuerOfProviderArn = (arn: string): string | undefined => /^arn:[^:]+:iam::\d{12}:oidc-provider\/(.+)$/.exec(arn)?.[1].toLowerCase();

const labelOf = (s: any, i: number) => (typeof s?.Sid === "string" && s.Sid !== "" ? `statement "${s.Sid}"` : `statement ${i + 1}`);

/** The problem with one Action or NotAction entry, or undefined when it names at least one real action. */
async function actionProblem(action: string): Promise<string | undefined> {
  if (action === "*") return undefined;
  const m = /^([^:]+):(.+)$/.exec(action);
  if (!m) return `action "${action}", which is not of the form service:action`;
  const [, prefix, name] = m;
  const prefixes = /[*?]/.test(prefix) ? (await servicePrefixes()).filter((p) => wildcardPattern(prefix).test(p)) : [prefix];
  const known = (await Promise.all(prefixes.map(actionsOf))).filter((a): a is string[] => a !== undefined);
  if (known.length === 0) return `action ${action}, whose service prefix ${prefix} is no AWS service's${didYouMean(nearest(prefix, await servicePrefixes()))}`;
  const actions = known.flat();
  if (/[*?]/.test(name)) return actions.some((a) => wildcardPattern(name).test(a)) ? undefined : `action ${action}, which matches no action of ${prefix}`;
  if (actions.some((a) => a.toLowerCase() === name.toLowerCase())) return undefined;
  const near = nearest(name, actions);
  return `action ${action}, which is not an action of ${prefix}${didYouMean(near && `${prefix}:${near}`)}`;
}

/**
 * The known key nearest to `key`: a variable key matches on its stem, and is suggested with the
 * user's own variable part (aws:ResourceTagg/Owner -> aws:ResourceTag/Owner).
 */
function nearestKey(key: string, candidates: readonly string[]): string | undefined {
  const limit = (w: string) => Math.max(1, Math.floor(w.length / 3));
  let best: { suggest: string; d: number } | undefined;
  for (const c of candidates) {
    const stem = variableStem(c);
    let word = key;
    let compare = c;
    let suggest = c;
    if (stem !== undefined) {
      const at = key.indexOf(stem.slice(-1), key.indexOf(":") + 1);
      if (at < 0) continue;
      word = key.slice(0, at + 1);
      compare = stem;
      suggest = stem + key.slice(at + 1);
    }
    const d = editDistance(word.toLowerCase(), compare.toLowerCase());
    if (d <= limit(word) && (!best || d < best.d)) best = { suggest, d };
  }
  return best?.suggest;
}

interface StatementScope {
  /** Service prefixes of the statement's actions, lower case; undefined when they cover every service ("*", NotAction, a wildcard prefix). */
  services: Set<string> | undefined;
  federated: unknown[];
  /** The Principal, or one of its Federated entries, where unknown during preview. */
  unknownPrincipal: Unknown | undefined;
}

/**
 * The problem with one condition key; or what it waits on during preview (the statement's unknown
 * Principal, or "provider" for a provider of the stack whose ARN is unknown); or undefined when it is fine.
 */
async function keyProblem(key: string, scope: StatementScope, oidc: OidcProviders): Promise<string | Unknown | "provider" | undefined> {
  const prefix = key.slice(0, Math.max(0, key.indexOf(":"))).toLowerCase();
  if (await conditionKeyExists(key)) {
    if (prefix === "aws" || !scope.services || scope.services.has(prefix) || !(await actionsOf(prefix))) return undefined;
    return `condition key ${key}, which belongs to ${prefix}, not to the services of the statement's actions (${[...scope.services].sort().join(", ")})`;
  }
  const cut = key.lastIndexOf(":");
  const issuer = key.slice(0, cut).toLowerCase();
  const claim = key.slice(cut + 1);
  if (cut > 0 && issuer.includes(".") && !(await actionsOf(prefix))) {
    if (!OIDC_CLAIMS.includes(claim)) return `condition key ${key}, whose claim ${claim} is none IAM exposes for an OIDC provider (${OIDC_CLAIMS.join(", ")})`;
    if (scope.unknownPrincipal) return scope.unknownPrincipal;
    const named = scope.federated.map((f) => (typeof f === "string" ? issuerOfProviderArn(f) : undefined));
    if (!named.includes(issuer)) return `condition key ${key} of OIDC provider ${issuer}, which is not the statement's Federated principal (${scope.federated.map(String).join(", ") || "none"})`;
    if (oidc.issuers.has(issuer)) return undefined;
    return oidc.pending ? "provider" : `condition key ${key} of OIDC provider ${issuer}, which is no OIDC provider of this stack`;
  }
  const candidates = [...globalConditionKeys(), ...((await conditionKeysOf(prefix)) ?? [])];
  return `condition key ${key}, which is neither a global condition key nor a key of any service${didYouMean(nearestKey(key, candidates))}`;
}

/** The actions' services, or undefined when the statement's actions span every service. */
function scopeOf(s: any): StatementScope {
  const actions = list(s.Action);
  const wide = s.NotAction !== undefined || actions.some((a) => typeof a !== "string" || a === "*" || /[*?]/.test(a.split(":")[0]));
  const services = wide ? undefined : new Set(actions.map((a) => (a as string).split(":")[0].toLowerCase()));
  const principal = s.Principal instanceof Unknown ? s.Principal : undefined;
  const federated = principal ? [] : list(s.Principal?.Federated);
  return { services, federated, unknownPrincipal: principal ?? federated.find((f): f is Unknown => f instanceof Unknown) };
}

/** Every problem with the actions and condition keys of `policy` (JSON text or an object, possibly holding Unknown markers). */
export async function checkDocument(policy: unknown, oidc: OidcProviders): Promise<DocumentFindings> {
  const out: DocumentFindings = { problems: [], unknowns: [], waitsOnProvider: false };
  if (policy instanceof Unknown) return { ...out, unknowns: [policy] };
  const doc = parsePolicy(policy);
  if (typeof doc !== "object" || doc === null) return { ...out, problems: ["it is not a JSON policy document, so IAM rejects it"] };
  if (doc.Statement instanceof Unknown) return { ...out, unknowns: [doc.Statement] };
  const statements: any[] = list(doc.Statement);
  for (const [i, s] of statements.entries()) {
    if (s instanceof Unknown) {
      out.unknowns.push(s);
      continue;
    }
    const label = labelOf(s, i);
    for (const a of [...list(s?.Action), ...list(s?.NotAction)]) {
      if (a instanceof Unknown) out.unknowns.push(a);
      else if (typeof a !== "string") out.problems.push(`${label} names action ${JSON.stringify(a)}, which is not a string`);
      else {
        const p = await actionProblem(a);
        if (p) out.problems.push(`${label} names ${p}`);
      }
    }
    const scope = scopeOf(s);
    for (const block of Object.values(s?.Condition ?? {})) {
      for (const key of Object.keys(block ?? {})) {
        const p = await keyProblem(key, scope, oidc);
        if (p === "provider") out.waitsOnProvider = true;
        else if (p instanceof Unknown) out.unknowns.push(p);
        else if (p) out.problems.push(`${label} names ${p}`);
      }
    }
  }
  return out;
}
