import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * Kubernetes secrets are envelope-encrypted with a customer-managed KMS key. Checks the @pulumi/eks
 * component's arguments (what an offline plan shows) and the aws:eks/cluster:Cluster a real run
 * shows. https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html
 */
export const requireSecretsEncryption: PackResourcePolicy = {
  name: "eks-require-secrets-encryption",
  resourceTypes: [T.eksComponentCluster, T.eksCluster],
  description: "EKS clusters encrypt Kubernetes secrets with a customer-managed KMS key (envelope encryption).",
  severity: "high",
  framework: fsbp("EKS.3"),
  remediationSteps: "Set encryptionConfigKeyArn on eks.Cluster (or encryptionConfig { provider: { keyArn }, resources: [\"secrets\"] } on aws.eks.Cluster) to the platform's data key.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type === T.eksComponentCluster && !args.props.encryptionConfigKeyArn) {
      reportViolation("EKS cluster has no encryptionConfigKeyArn; set it to a customer-managed KMS key so Kubernetes secrets are envelope-encrypted.");
    }
    if (args.type === T.eksCluster) {
      const config = args.props.encryptionConfig;
      if (!config?.provider?.keyArn || !(config.resources ?? []).includes("secrets")) {
        reportViolation("EKS cluster does not encrypt secrets; set encryptionConfig with a KMS keyArn and resources [\"secrets\"].");
      }
    }
  },
};
