import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

const encrypted = (v: unknown) => v === true || v === "true";

/**
 * Node volumes are encrypted: every EBS mapping of a launch template or Karpenter EC2NodeClass is
 * encrypted, and there is at least one (otherwise the root volume follows the AMI and the
 * account's default). Node groups must bring a launch template for the same reason.
 * https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
 */
export const requireLaunchTemplateEncryption: PackResourcePolicy = {
  name: "ec2-require-launch-template-encryption",
  resourceTypes: [T.launchTemplate, T.karpenterNodeClass, T.eksComponentManagedNodeGroup, T.eksNodeGroup],
  description: "Launch templates and node classes declare encrypted EBS volumes, the root volume included.",
  severity: "high",
  remediationSteps: "Add a blockDeviceMappings entry for the root device with ebs { encrypted: \"true\", kmsKeyId: <data key>, volumeType: \"gp3\" }, and pass the template to every EKS node group.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const p = args.props;
    if (args.type === T.launchTemplate || args.type === T.karpenterNodeClass) {
      const kind = args.type === T.launchTemplate ? "Launch template" : "Karpenter EC2NodeClass";
      const mappings: Array<{ deviceName?: string; ebs?: { encrypted?: unknown } }> = (args.type === T.launchTemplate ? p.blockDeviceMappings : p.spec?.blockDeviceMappings) ?? [];
      if (mappings.length === 0) {
        reportViolation(`${kind} declares no block devices, so its root volume's encryption depends on the AMI; map the root device with ebs.encrypted true.`);
      }
      for (const m of mappings.filter((x) => x.ebs && !encrypted(x.ebs.encrypted))) {
        reportViolation(`${kind} maps ${m.deviceName ?? "a device"} to an unencrypted EBS volume; set ebs.encrypted to true with a customer-managed KMS key.`);
      }
    }
    if ((args.type === T.eksComponentManagedNodeGroup || args.type === T.eksNodeGroup) && !p.launchTemplate) {
      reportViolation("Node group has no launch template, so its volumes' encryption is not declared; pass a launch template with encrypted volumes.");
    }
  },
};
