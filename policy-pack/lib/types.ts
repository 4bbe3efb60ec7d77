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
  eksCluster: "aws:eks/cluster:Cluster",
  eksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
  eksComponentCluster: "eks:index:Cluster",
  eksComponentManagedNodeGroup: "eks:index:ManagedNodeGroup",
  launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
  karpenterNodeClass: "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
  ecrRepository: "aws:ecr/repository:Repository",
  ecrLifecyclePolicy: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
  iamRole: "aws:iam/role:Role",
  iamPolicy: "aws:iam/policy:Policy",
  iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
  iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
  iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
  iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  iamUserPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  iamGroupPolicyAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  iamPolicyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
} as const;
