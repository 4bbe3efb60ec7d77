import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** Containers need 2 hops to reach IMDS through the node; more lets anything further away reach it. */
const MAX_HOP_LIMIT = 2;

function checkMetadata(kind: string, m: Record<string, any> | undefined, report: (msg: string) => void): void {
  if (m?.httpTokens !== "required") {
    report(`${kind} allows IMDSv1; set metadataOptions.httpTokens to "required" so instance credentials need a session token.`);
  } else if (m.httpPutResponseHopLimit !== undefined && Number(m.httpPutResponseHopLimit) > MAX_HOP_LIMIT) {
    report(`${kind} lets IMDS responses travel ${m.httpPutResponseHopLimit} hops; set httpPutResponseHopLimit to ${MAX_HOP_LIMIT} or less.`);
  }
}

/**
 * Nodes require IMDSv2. Launch templates (aws.ec2.LaunchTemplate), Karpenter EC2NodeClasses, and
 * node groups, which must bring a launch template: without one EKS uses its own, which this pack
 * cannot inspect. https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
 */
export const requireLaunchTemplateImdsv2: PackResourcePolicy = {
  name: "ec2-require-launch-template-imdsv2",
  resourceTypes: [T.launchTemplate, T.karpenterNodeClass, T.eksComponentManagedNodeGroup, T.eksNodeGroup],
  description: "Launch templates and node classes require IMDSv2 (session tokens) with a response hop limit of at most 2, so every instance started from them does too (EC2.8 checks the running instances).",
  severity: "high",
  framework: fsbp("EC2.170"),
  // EC2.8 checks running instances; every node and container instance starts from a checked launch template.
  relatedControls: ["EC2.8"],
  remediationSteps: "Set metadataOptions { httpTokens: \"required\", httpPutResponseHopLimit: 2 } on the launch template, and pass that template to every EKS node group.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const p = args.props;
    if (args.type === T.launchTemplate) checkMetadata("Launch template", p.metadataOptions, reportViolation);
    if (args.type === T.karpenterNodeClass) checkMetadata("Karpenter EC2NodeClass", p.spec?.metadataOptions, reportViolation);
    if (args.type === T.eksComponentManagedNodeGroup && !p.launchTemplate && p.enableIMDSv2 !== true) {
      reportViolation("Node group has neither a launch template nor enableIMDSv2; pass a launch template that requires IMDSv2.");
    }
    if (args.type === T.eksNodeGroup && !p.launchTemplate) {
      reportViolation("Node group uses EKS's default launch template; pass a launch template that requires IMDSv2.");
    }
  },
};
