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
  cloudfrontDistribution: "aws:cloudfront/distribution:Distribution",
  cloudfrontVpcOrigin: "aws:cloudfront/vpcOrigin:VpcOrigin",
  logDeliverySource: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
  logDelivery: "aws:cloudwatch/logDelivery:LogDelivery",
  wafWebAcl: "aws:wafv2/webAcl:WebAcl",
  wafLoggingConfiguration: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  wafWebAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
  lbLoadBalancer: "aws:lb/loadBalancer:LoadBalancer",
  albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
} as const;
