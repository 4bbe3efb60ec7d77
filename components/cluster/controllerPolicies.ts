/**
 * IAM policies of the in-cluster controllers, written out as typed documents so every action is
 * reviewable here. Pure; no Pulumi imports.
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../iam/policyDocument";

export interface ScopeContext {
  partition: string;
  region: string;
  accountId: string;
  clusterName: string;
}

const ELB_TAG = "elbv2.k8s.aws/cluster";
const TAGGED = { Null: { [`aws:ResourceTag/${ELB_TAG}`]: "false" } };

/**
 * AWS Load Balancer Controller v2.14.1, statement for statement as its install policy lists them:
 * https://raw.githubusercontent.com/kubernetes-sigs/aws-load-balancer-controller/v2.14.1/docs/install/iam_policy.json
 * (linked from https://docs.aws.amazon.com/eks/latest/userguide/lbc-helm.html). Mutations are
 * limited to load balancers, target groups and security groups the controller tagged as its own.
 */
export function loadBalancerControllerPolicy(): PolicyDocument {
  const elb = (...a: string[]) => a.map((x) => `elasticloadbalancing:${x}`);
  const lbArns = ["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*"];
  const statements: PolicyStatement[] = [
    { Sid: "CreateElbServiceLinkedRole", Effect: "Allow", Action: "iam:CreateServiceLinkedRole", Resource: "*", Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } } },
    {
      Sid: "Describe",
      Effect: "Allow",
      Action: [
        "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways",
        "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstances",
        "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools", "ec2:GetSecurityGroupsForVpc",
        "ec2:DescribeIpamPools", "ec2:DescribeRouteTables",
        ...elb("DescribeLoadBalancers", "DescribeLoadBalancerAttributes", "DescribeListeners", "DescribeListenerCertificates", "DescribeSSLPolicies",
          "DescribeRules", "DescribeTargetGroups", "DescribeTargetGroupAttributes", "DescribeTargetHealth", "DescribeTags", "DescribeTrustStores",
          "DescribeListenerAttributes", "DescribeCapacityReservation"),
      ],
      Resource: "*",
    },
    {
      Sid: "EdgeIntegrations",
      Effect: "Allow",
      Action: [
        "cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate", "iam:ListServerCertificates", "iam:GetServerCertificate",
        "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL",
        "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
        "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
      ],
      Resource: "*",
    },
    { Sid: "SecurityGroupIngress", Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], Resource: "*" },
    { Sid: "CreateSecurityGroup", Effect: "Allow", Action: "ec2:CreateSecurityGroup", Resource: "*" },
    {
      Sid: "TagNewSecurityGroup",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: "arn:aws:ec2:*:*:security-group/*",
      Condition: { StringEquals: { "ec2:CreateAction": "CreateSecurityGroup" }, Null: { [`aws:RequestTag/${ELB_TAG}`]: "false" } },
    },
    {
      Sid: "TagOwnSecurityGroups",
      Effect: "Allow",
      Action: ["ec2:CreateTags", "ec2:DeleteTags"],
      Resource: "arn:aws:ec2:*:*:security-group/*",
      Condition: { Null: { [`aws:RequestTag/${ELB_TAG}`]: "true", [`aws:ResourceTag/${ELB_TAG}`]: "false" } },
    },
    { Sid: "ManageOwnSecurityGroups", Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"], Resource: "*", Condition: TAGGED },
    { Sid: "CreateTagged", Effect: "Allow", Action: elb("CreateLoadBalancer", "CreateTargetGroup"), Resource: "*", Condition: { Null: { [`aws:RequestTag/${ELB_TAG}`]: "false" } } },
    { Sid: "ListenersAndRules", Effect: "Allow", Action: elb("CreateListener", "DeleteListener", "CreateRule", "DeleteRule"), Resource: "*" },
    {
      Sid: "TagOwnLoadBalancers",
      Effect: "Allow",
      Action: elb("AddTags", "RemoveTags"),
      Resource: lbArns,
      Condition: { Null: { [`aws:RequestTag/${ELB_TAG}`]: "true", [`aws:ResourceTag/${ELB_TAG}`]: "false" } },
    },
    {
      Sid: "TagListeners",
      Effect: "Allow",
      Action: elb("AddTags", "RemoveTags"),
      Resource: ["arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*"],
    },
    {
      Sid: "ManageOwnLoadBalancers",
      Effect: "Allow",
      Action: elb("ModifyLoadBalancerAttributes", "SetIpAddressType", "SetSecurityGroups", "SetSubnets", "DeleteLoadBalancer", "ModifyTargetGroup",
        "ModifyTargetGroupAttributes", "DeleteTargetGroup", "ModifyListenerAttributes", "ModifyCapacityReservation", "ModifyIpPools"),
      Resource: "*",
      Condition: TAGGED,
    },
    {
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: elb("AddTags"),
      Resource: lbArns,
      Condition: { StringEquals: { "elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"] }, Null: { [`aws:RequestTag/${ELB_TAG}`]: "false" } },
    },
    // TargetGroupBinding registers pods in target groups Pulumi created (edge tier), hence no tag condition.
    { Sid: "RegisterTargets", Effect: "Allow", Action: elb("RegisterTargets", "DeregisterTargets"), Resource: "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*" },
    { Sid: "ListenerSettings", Effect: "Allow", Action: elb("SetWebAcl", "ModifyListener", "AddListenerCertificates", "RemoveListenerCertificates", "ModifyRule"), Resource: "*" },
  ];
  return policyDocument(...statements);
}

/**
 * Cluster Autoscaler: it may resize and terminate only in Auto Scaling groups tagged as owned by
 * this cluster (EKS tags managed node groups' ASGs with k8s.io/cluster-autoscaler/<cluster>);
 * everything else is read-only.
 * https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md#iam-policy
 */
export function clusterAutoscalerPolicy(ctx: ScopeContext): PolicyDocument {
  return policyDocument(
    {
      Sid: "ScaleOwnNodeGroups",
      Effect: "Allow",
      Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
      Resource: `arn:${ctx.partition}:autoscaling:${ctx.region}:${ctx.accountId}:autoScalingGroup:*:autoScalingGroupName/*`,
      Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${ctx.clusterName}`]: "owned" } },
    },
    {
      Sid: "DescribeNodeGroups",
      Effect: "Allow",
      Action: [
        "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLaunchConfigurations",
        "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements",
      ],
      Resource: "*",
    },
    { Sid: "DescribeOwnNodegroups", Effect: "Allow", Action: "eks:DescribeNodegroup", Resource: `arn:${ctx.partition}:eks:${ctx.region}:${ctx.accountId}:nodegroup/${ctx.clusterName}/*` },
  );
}

export interface KarpenterContext extends ScopeContext {
  nodeRoleArn: string;
  interruptionQueueArn: string;
  dataKeyArn: string;
}

/**
 * Karpenter v1 controller policy, scoped as its getting-started CloudFormation template does:
 * instances, fleets and launch templates only with this cluster's ownership tag and a nodepool tag,
 * deletion only of what it tagged, PassRole only for its node role.
 * https://karpenter.sh/docs/reference/cloudformation/
 */
export function karpenterControllerPolicy(ctx: KarpenterContext): PolicyDocument {
  const ec2 = `arn:${ctx.partition}:ec2:${ctx.region}`;
  const owned = { [`aws:ResourceTag/kubernetes.io/cluster/${ctx.clusterName}`]: "owned" };
  const requestOwned = { [`aws:RequestTag/kubernetes.io/cluster/${ctx.clusterName}`]: "owned", "aws:RequestTag/eks:eks-cluster-name": ctx.clusterName };
  const created = ["fleet", "instance", "volume", "network-interface", "launch-template", "spot-instances-request"].map((t) => `${ec2}:*:${t}/*`);
  const profile = `arn:${ctx.partition}:iam::${ctx.accountId}:instance-profile/*`;
  return policyDocument(
    { Sid: "ScopedInstanceInputs", Effect: "Allow", Action: ["ec2:RunInstances", "ec2:CreateFleet"], Resource: [`${ec2}::image/*`, `${ec2}::snapshot/*`, `${ec2}:*:security-group/*`, `${ec2}:*:subnet/*`, `${ec2}:*:capacity-reservation/*`] },
    { Sid: "OwnLaunchTemplates", Effect: "Allow", Action: ["ec2:RunInstances", "ec2:CreateFleet"], Resource: `${ec2}:*:launch-template/*`, Condition: { StringEquals: owned, StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" } } },
    { Sid: "CreateTagged", Effect: "Allow", Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"], Resource: created, Condition: { StringEquals: requestOwned, StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" } } },
    {
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: created,
      Condition: { StringEquals: { ...requestOwned, "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"] }, StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" } },
    },
    {
      Sid: "TagOwnInstances",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: `${ec2}:*:instance/*`,
      Condition: { StringEquals: owned, StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" }, "ForAllValues:StringEquals": { "aws:TagKeys": ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] } },
    },
    { Sid: "DeleteOwn", Effect: "Allow", Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"], Resource: [`${ec2}:*:instance/*`, `${ec2}:*:launch-template/*`], Condition: { StringEquals: owned, StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" } } },
    {
      Sid: "RegionalReads",
      Effect: "Allow",
      Action: ["ec2:DescribeCapacityReservations", "ec2:DescribeImages", "ec2:DescribeInstances", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplates", "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets"],
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": ctx.region } },
    },
    { Sid: "AmiParameters", Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:${ctx.partition}:ssm:${ctx.region}::parameter/aws/service/*` },
    { Sid: "Pricing", Effect: "Allow", Action: "pricing:GetProducts", Resource: "*" },
    { Sid: "InterruptionQueue", Effect: "Allow", Action: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"], Resource: ctx.interruptionQueueArn },
    { Sid: "PassNodeRole", Effect: "Allow", Action: "iam:PassRole", Resource: ctx.nodeRoleArn, Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } },
    {
      Sid: "CreateInstanceProfiles",
      Effect: "Allow",
      Action: ["iam:CreateInstanceProfile", "iam:TagInstanceProfile"],
      Resource: profile,
      Condition: { StringEquals: { ...requestOwned, "aws:RequestTag/topology.kubernetes.io/region": ctx.region }, StringLike: { "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "*" } },
    },
    {
      Sid: "ManageOwnInstanceProfiles",
      Effect: "Allow",
      Action: ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"],
      Resource: profile,
      Condition: { StringEquals: { ...owned, "aws:ResourceTag/topology.kubernetes.io/region": ctx.region }, StringLike: { "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "*" } },
    },
    { Sid: "ReadInstanceProfiles", Effect: "Allow", Action: ["iam:GetInstanceProfile", "iam:ListInstanceProfiles"], Resource: profile },
    { Sid: "DescribeCluster", Effect: "Allow", Action: "eks:DescribeCluster", Resource: `arn:${ctx.partition}:eks:${ctx.region}:${ctx.accountId}:cluster/${ctx.clusterName}` },
    ...ebsKeyStatements(ctx.dataKeyArn, ctx.region),
  );
}

/**
 * Use of a customer-managed key for EBS volumes: EC2 creates a grant for the attached volume, so
 * CreateGrant is limited to grants for AWS resources, and all of it only through EC2.
 * https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html#ebs-encryption-permissions
 */
export function ebsKeyStatements(keyArn: string, region: string): PolicyStatement[] {
  const viaEc2 = { "kms:ViaService": `ec2.${region}.amazonaws.com` };
  return [
    { Sid: "UseVolumeKey", Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"], Resource: keyArn, Condition: { StringEquals: viaEc2 } },
    { Sid: "GrantVolumeKey", Effect: "Allow", Action: "kms:CreateGrant", Resource: keyArn, Condition: { StringEquals: viaEc2, Bool: { "kms:GrantIsForAWSResource": "true" } } },
  ];
}
