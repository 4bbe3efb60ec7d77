import { type PackResourcePolicy, fsbp } from "../../lib/metadata";
import { T } from "../../lib/types";

/** True when the trail records read and write management events (no selectors records them all). */
function recordsAllManagementEvents(props: Record<string, any>): boolean {
  const advanced: any[] = props.advancedEventSelectors ?? [];
  const basic: any[] = props.eventSelectors ?? [];
  if (advanced.length === 0 && basic.length === 0) return true;
  const managementOnly = (s: any) => {
    const fields: any[] = s.fieldSelectors ?? [];
    const category = fields.find((f) => f.field === "eventCategory");
    const readOnly = fields.find((f) => f.field === "readOnly");
    return category?.equals?.includes("Management") && !readOnly;
  };
  if (advanced.some(managementOnly)) return true;
  return basic.some((s) => s.includeManagementEvents !== false && (s.readWriteType ?? "All") === "All");
}

export const requireMultiRegionTrail: PackResourcePolicy = {
  name: "cloudtrail-require-multi-region-trail",
  resourceTypes: [T.trail],
  description: "CloudTrail trails record every region, global services and all read and write management events, so no API call on patient data escapes the audit log.",
  severity: "high",
  remediationSteps: "Set isMultiRegionTrail and includeGlobalServiceEvents to true on the aws.cloudtrail.Trail, and select all management events (an eventCategory=Management advanced selector without a readOnly filter).",
  enforcementLevel: "mandatory",
  framework: fsbp("CloudTrail.1"),
  validateResource: (args, reportViolation) => {
    if (args.type !== T.trail) return;
    if (args.props.isMultiRegionTrail !== true) {
      reportViolation("Trail records only its home region; set isMultiRegionTrail to true.");
    } else if (args.props.includeGlobalServiceEvents === false) {
      reportViolation("Trail leaves out global service events (IAM, STS); set includeGlobalServiceEvents to true.");
    } else if (!recordsAllManagementEvents(args.props)) {
      reportViolation("Trail does not record all read and write management events; select eventCategory Management without a readOnly filter.");
    }
  },
};
