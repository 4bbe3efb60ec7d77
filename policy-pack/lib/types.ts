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
  securityGroup: "aws:ec2/securityGroup:SecurityGroup",
  securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  rdsInstance: "aws:rds/instance:Instance",
  rdsParameterGroup: "aws:rds/parameterGroup:ParameterGroup",
  replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  mskCluster: "aws:msk/cluster:Cluster",
  mqBroker: "aws:mq/broker:Broker",
} as const;
