import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html */
export const requireImmutableTags: PackResourcePolicy = {
  name: "ecr-require-immutable-tags",
  resourceTypes: [T.ecrRepository],
  description: "ECR repositories have immutable tags, so a deployed tag always names the image that was scanned and approved.",
  severity: "medium",
  framework: fsbp("ECR.2"),
  remediationSteps: "Set imageTagMutability: \"IMMUTABLE\" on the aws.ecr.Repository (platform config: cluster.registry.immutableTags: true).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.ecrRepository) return;
    if (args.props.imageTagMutability !== "IMMUTABLE") {
      reportViolation(`ECR repository tags are ${args.props.imageTagMutability ?? "MUTABLE"}; set imageTagMutability to IMMUTABLE so a tag cannot be moved to another image.`);
    }
  },
};
