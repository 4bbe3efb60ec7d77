import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html */
export const requireImageScanning: PackResourcePolicy = {
  name: "ecr-require-image-scanning",
  resourceTypes: [T.ecrRepository],
  description: "ECR repositories scan every image for vulnerabilities when it is pushed.",
  severity: "high",
  framework: fsbp("ECR.1"),
  remediationSteps: "Set imageScanningConfiguration: { scanOnPush: true } on the aws.ecr.Repository.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.ecrRepository) return;
    if (args.props.imageScanningConfiguration?.scanOnPush !== true) {
      reportViolation("ECR repository does not scan images on push; set imageScanningConfiguration.scanOnPush to true.");
    }
  },
};
