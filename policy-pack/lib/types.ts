/**
 * Resource type tokens the pack checks. Strings, not provider classes, so the pack does not import
 * @pulumi/aws and stays usable in any Pulumi project.
 */
export const T = {
  kmsKey: "aws:kms/key:Key",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  vpc: "aws:ec2/vpc:Vpc",
  subnet: "aws:ec2/subnet:Subnet",
  natGateway: "aws:ec2/natGateway:NatGateway",
  flowLog: "aws:ec2/flowLog:FlowLog",
  defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  awsxVpc: "awsx:ec2:Vpc",
  bucket: "aws:s3/bucket:Bucket",
  bucketAcl: "aws:s3/bucketAcl:BucketAcl",
  bucketAclV2: "aws:s3/bucketAclV2:BucketAclV2",
  bucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  bucketLifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  bucketLogging: "aws:s3/bucketLogging:BucketLogging",
  bucketOwnership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  bucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
  efsFileSystem: "aws:efs/fileSystem:FileSystem",
  efsBackupPolicy: "aws:efs/backupPolicy:BackupPolicy",
  efsAccessPoint: "aws:efs/accessPoint:AccessPoint",
  backupVault: "aws:backup/vault:Vault",
} as const;
