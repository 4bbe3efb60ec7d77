import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { refersTo } from "../../lib/references";
import { T } from "../../lib/types";
import { known, read } from "../../lib/unknowns";

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
    const lifecycles = args.resources.filter((r) => r.type === T.ecrLifecyclePolicy);
    for (const repo of args.resources.filter((r) => r.type === T.ecrRepository)) {
      // By dependency, or by the repository name when no dependency links them (names are unknown during preview).
      if (!lifecycles.some((lp) => refersTo(lp, "repository", repo, ["name"]))) {
        // An unlinked lifecycle policy whose repository is unknown might be this one's: reading it says "can't run during preview".
        for (const lp of lifecycles) if (read(lp.props, "repository").unknown) void lp.props.repository;
        reportViolation(`ECR repository ${known<string>(repo.props, "name") ?? repo.name} has no lifecycle policy; add one that expires old and untagged images.`, repo.urn);
      }
    }
  },
};
