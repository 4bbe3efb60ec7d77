import type { PolicyResource } from "@pulumi/policy";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

function backsUp(p: PolicyResource, fs: PolicyResource): boolean {
  const target = (p.propertyDependencies.fileSystemId ?? []).some((d) => d.urn === fs.urn) || (typeof p.props.fileSystemId === "string" && p.props.fileSystemId === fs.props.id);
  return target && p.props.backupPolicy?.status === "ENABLED";
}

export const enableFileSystemBackups: PackStackPolicy = {
  name: "efs-enable-file-system-backups",
  resourceTypes: [T.efsFileSystem, T.efsBackupPolicy],
  description: "Every EFS file system has automatic backups on, so a stateful container's data (the vector database) can be restored.",
  severity: "medium",
  framework: fsbp("EFS.2"),
  remediationSteps: "Add an aws.efs.BackupPolicy with fileSystemId set to the file system and backupPolicy: { status: \"ENABLED\" }.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const policies = args.resources.filter((r) => r.type === T.efsBackupPolicy);
    for (const fs of args.resources.filter((r) => r.type === T.efsFileSystem)) {
      if (!policies.some((p) => backsUp(p, fs))) {
        reportViolation(`File system ${fs.name} has automatic backups off; add an aws.efs.BackupPolicy with status "ENABLED" for it.`, fs.urn);
      }
    }
  },
};
