import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html */
export const requireLifecyclePolicy: PackStackPolicy = {
  name: "ecr-require-lifecycle-policy",
  resourceTypes: [T.ecrRepository, T.ecrLifecyclePolicy],
  description: "Every ECR repository has a lifecycle policy, so old and untagged images expire.",
  severity: "low",
  framework: fsbp("ECR.3"),
  remediationSteps: "Add an aws.ecr.LifecyclePolicy for the repository that expires untagged images and keeps the newest N.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const covered = new Set(args.resources.filter((r) => r.type === T.ecrLifecyclePolicy).map((r) => r.props.repository));
    for (const repo of args.resources.filter((r) => r.type === T.ecrRepository)) {
      if (!covered.has(repo.props.name)) reportViolation(`ECR repository ${repo.props.name} has no lifecycle policy; add one that expires old and untagged images.`, repo.urn);
    }
  },
};
