import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireAccessPointIdentity: PackResourcePolicy = {
  name: "efs-require-access-point-identity",
  resourceTypes: [T.efsAccessPoint],
  description: "EFS access points enforce a POSIX user and a root directory below /, so a client sees only its own directory, as its own user, whatever identity it claims (FSBP EFS.3 and EFS.4).",
  severity: "medium",
  framework: fsbp("EFS.4"),
  remediationSteps: "Set posixUser { uid, gid } and rootDirectory { path: \"/<workload>\", creationInfo } on the aws.efs.AccessPoint.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.efsAccessPoint) return;
    if (args.props.posixUser?.uid === undefined || args.props.posixUser?.gid === undefined) {
      reportViolation("Access point enforces no POSIX user; set posixUser with a uid and gid.");
    }
    const path = args.props.rootDirectory?.path;
    if (typeof path !== "string" || path === "/" || path === "") {
      reportViolation(`Access point exposes ${path ? `"${path}"` : "the file system root"}; set rootDirectory.path to a directory below /.`);
    }
  },
};
