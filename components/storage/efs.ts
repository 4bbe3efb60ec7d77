import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { storageTags } from "./bucket";
import { FILE_SYSTEM_CLASSIFICATION, classificationTag } from "./classification";
import { fileSystemPolicy } from "./fileSystemPolicy";
import type { FileSystemSettings } from "./presets";

/** NFS, the only port EFS mount targets serve. https://docs.aws.amazon.com/efs/latest/ug/network-access.html */
export const NFS_PORT = 2049;

export interface AccessPointSpec {
  /** Access point name; a service volume of the same name mounts it. */
  name: string;
  /** Root directory clients are confined to, absolute, below /. */
  path: string;
  /** POSIX uid and gid every request runs as, whatever the client claims. */
  uid: number;
  gid: number;
  /** Octal mode of the root directory when EFS creates it, e.g. "0750". */
  permissions: string;
}

/** Throughput mode and the IA transition are documented on FileSystemSettings (presets.ts). */
export interface FileSystemArgs extends Partial<FileSystemSettings> {
  vpcId: pulumi.Input<string>;
  /** One private subnet per AZ, in AZ order: a mount target in each. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** The stack's AZs; their count is the number of mount targets (known before the subnet ids are). */
  availabilityZones: string[];
  /**
   * Security groups of the clients (the cluster's nodes or tasks) admitted on 2049. Empty until the
   * cluster tier lands: the file system then accepts no connections at all.
   */
  clientSecurityGroupIds: pulumi.Input<string>[];
  accessPoints: AccessPointSpec[];
}

export interface FileSystemOutputs {
  fileSystemId: pulumi.Output<string>;
  fileSystemArn: pulumi.Output<string>;
  securityGroupId: pulumi.Output<string>;
  /** Access point id by name. */
  accessPointIds: Record<string, pulumi.Output<string>>;
}

function securityGroup(parent: pulumi.Resource, name: string, a: FileSystemArgs): aws.ec2.SecurityGroup {
  return new aws.ec2.SecurityGroup(
    childName(name, "efs"),
    {
      vpcId: a.vpcId,
      description: "NFS from the cluster to the EFS mount targets",
      ingress: a.clientSecurityGroupIds.length > 0
        ? [{ description: "NFS from the cluster", protocol: "tcp", fromPort: NFS_PORT, toPort: NFS_PORT, securityGroups: a.clientSecurityGroupIds }]
        : [],
      // Mount targets only answer; security groups are stateful.
      egress: [],
      tags: storageTags(),
    },
    { parent },
  );
}

/**
 * An EFS file system encrypted with the data key (FSBP EFS.1), a mount target in each AZ's private
 * subnet behind a group admitting 2049 only from the cluster, one access point per workload with a
 * fixed POSIX user and root directory (EFS.3, EFS.4), a file system policy refusing plain NFS and
 * any mount outside those access points (fileSystemPolicy.ts), and automatic backups on (EFS.2).
 */
export function fileSystem(parent: pulumi.Resource, name: string, a: FileSystemArgs & FileSystemSettings, o: { kmsKeyArn: pulumi.Input<string>; protect: boolean }): FileSystemOutputs {
  const fs = new aws.efs.FileSystem(
    childName(name, "efs"),
    {
      encrypted: true,
      kmsKeyId: o.kmsKeyArn,
      performanceMode: "generalPurpose",
      throughputMode: a.throughputMode,
      lifecyclePolicies: [{ transitionToIa: a.transitionToIa }, { transitionToPrimaryStorageClass: "AFTER_1_ACCESS" }],
      tags: storageTags({ Name: childName(name, "efs"), ...classificationTag(FILE_SYSTEM_CLASSIFICATION) }),
    },
    { parent, protect: o.protect },
  );
  const accessPoints = a.accessPoints.map((p) => {
    const ap = new aws.efs.AccessPoint(
      childName(name, `efs-${p.name}`),
      {
        fileSystemId: fs.id,
        posixUser: { uid: p.uid, gid: p.gid },
        rootDirectory: { path: p.path, creationInfo: { ownerUid: p.uid, ownerGid: p.gid, permissions: p.permissions } },
        tags: storageTags({ Name: p.name }),
      },
      { parent },
    );
    return { name: p.name, ap };
  });
  const policy = new aws.efs.FileSystemPolicy(
    childName(name, "efs-policy"),
    {
      fileSystemId: fs.id,
      policy: pulumi.all([fs.arn, ...accessPoints.map(({ ap }) => ap.arn)]).apply(([arn, ...apArns]) => JSON.stringify(fileSystemPolicy(arn, apArns))),
      // The safety check refuses a policy that would lock the deploying principal out of later
      // PutFileSystemPolicy calls. This one denies only plain NFS and client actions outside the
      // access points, never the API calls (always over TLS) a deployment makes, so it passes; kept
      // on, a later edit that would lock the deployer out is refused instead of applied.
      // https://docs.aws.amazon.com/efs/latest/ug/API_PutFileSystemPolicy.html
      bypassPolicyLockoutSafetyCheck: false,
    },
    { parent },
  );
  const sg = securityGroup(parent, name, a);
  a.availabilityZones.forEach((_, i) => {
    new aws.efs.MountTarget(
      childName(name, "efs-mount", i + 1),
      { fileSystemId: fs.id, subnetId: pulumi.output(a.privateSubnetIds).apply((ids) => ids[i]), securityGroups: [sg.id] },
      // Until its policy exists a file system runs under EFS's default (plain NFS, root, anyone who
      // reaches it); no mount target, and so no client, before then.
      { parent, dependsOn: [policy] },
    );
  });
  const accessPointIds = Object.fromEntries(accessPoints.map(({ name: n, ap }) => [n, ap.id]));
  // Automatic backups: AWS Backup's default plan for EFS, independent of the platform plan.
  new aws.efs.BackupPolicy(childName(name, "efs-backup"), { fileSystemId: fs.id, backupPolicy: { status: "ENABLED" } }, { parent });
  return { fileSystemId: fs.id, fileSystemArn: fs.arn, securityGroupId: sg.id, accessPointIds };
}
