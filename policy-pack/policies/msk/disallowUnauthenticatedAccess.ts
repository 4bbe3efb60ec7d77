import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * Without any client authentication configured MSK lets every client in; IAM, SCRAM or mutual TLS
 * must be on and unauthenticated access off (AWS Config rule msk-unrestricted-access-check).
 * https://docs.aws.amazon.com/config/latest/developerguide/msk-unrestricted-access-check.html
 */
export const disallowUnauthenticatedAccess: PackResourcePolicy = {
  name: "msk-disallow-unauthenticated-access",
  resourceTypes: [T.mskCluster],
  description: "MSK clusters authenticate every client (IAM, SCRAM or mutual TLS) and allow no unauthenticated access.",
  severity: "critical",
  remediationSteps: "Set clientAuthentication: { sasl: { iam: true }, unauthenticated: false } on the aws.msk.Cluster and grant kafka-cluster actions to service roles.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.mskCluster) return;
    const auth = args.props.clientAuthentication;
    const hasMethod = auth?.sasl?.iam === true || auth?.sasl?.scram === true || (auth?.tls?.certificateAuthorityArns ?? []).length > 0;
    if (auth?.unauthenticated === true) {
      reportViolation("MSK cluster allows unauthenticated clients; set clientAuthentication.unauthenticated: false.");
    } else if (!hasMethod) {
      reportViolation("MSK cluster has no client authentication method, so any client can connect; enable clientAuthentication.sasl.iam.");
    }
  },
};
