import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export interface ControlPlaneLogConfig {
  /** Control-plane log types every cluster sends to CloudWatch Logs. */
  requiredLogTypes: string[];
}

/** https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html */
export const enableAuditLogging: PackResourcePolicy = {
  name: "eks-enable-audit-logging",
  resourceTypes: [T.eksComponentCluster, T.eksCluster],
  description: "EKS clusters send their control-plane logs, the audit log among them, to CloudWatch Logs.",
  severity: "high",
  framework: fsbp("EKS.8"),
  remediationSteps: "List api, audit, authenticator, controllerManager and scheduler in enabledClusterLogTypes (eks.Cluster or aws.eks.Cluster), with the /aws/eks/<name>/cluster log group created first, encrypted and with retention.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      requiredLogTypes: {
        type: "array",
        items: { type: "string", enum: ["api", "audit", "authenticator", "controllerManager", "scheduler"] },
        default: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        description: "Control-plane log types every cluster must enable.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.eksComponentCluster && args.type !== T.eksCluster) return;
    const { requiredLogTypes } = args.getConfig<ControlPlaneLogConfig>();
    const enabled: string[] = args.props.enabledClusterLogTypes ?? [];
    const missing = requiredLogTypes.filter((t) => !enabled.includes(t));
    if (missing.length > 0) {
      reportViolation(`EKS cluster does not log ${missing.join(", ")}; add them to enabledClusterLogTypes so control-plane activity is audited.`);
    }
  },
};
