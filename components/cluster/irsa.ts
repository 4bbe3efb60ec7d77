/**
 * IAM roles for service accounts (IRSA): the trust policy that lets exactly one Kubernetes service
 * account assume a role through the cluster's OIDC provider. Pure; no Pulumi imports.
 * https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html
 */
import { PolicyDocument, policyDocument } from "../iam/policyDocument";

export interface ServiceAccountRef {
  namespace: string;
  name: string;
}

/** The issuer host and path, as IAM condition keys spell it: the provider URL without https://. */
export function oidcIssuer(providerUrl: string): string {
  return providerUrl.replace(/^https:\/\//, "");
}

/**
 * Trust for one service account: the web identity must come from this cluster's provider, carry
 * the STS audience, and name this namespace and service account as its subject.
 */
export function irsaTrustPolicy(oidcProviderArn: string, oidcProviderUrl: string, sa: ServiceAccountRef): PolicyDocument {
  const issuer = oidcIssuer(oidcProviderUrl);
  return policyDocument({
    Sid: "TrustServiceAccount",
    Effect: "Allow",
    Principal: { Federated: oidcProviderArn },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: {
        [`${issuer}:sub`]: `system:serviceaccount:${sa.namespace}:${sa.name}`,
        [`${issuer}:aud`]: "sts.amazonaws.com",
      },
    },
  });
}

/** The annotation that binds a service account to its role. */
export const ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
