/**
 * EC2 networking: the VPC awsx creates (VPC, subnets, gateways, routes, Elastic IPs), security
 * groups and their rules, endpoints, flow logs and launch templates.
 */
import { bool, compact, int, json, pascal } from "../props";
import type { MapContext, Mapping, Props } from "../types";

interface SgRule {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidrBlocks?: string[];
  ipv6CidrBlocks?: string[];
  securityGroups?: string[];
  prefixListIds?: string[];
  self?: boolean;
  description?: string;
}

/** Protocol -1 (all) carries no port range in CloudFormation; the provider sends 0-0. */
function ports(r: { protocol?: string; ipProtocol?: string; fromPort?: number; toPort?: number }): Props {
  return (r.protocol ?? r.ipProtocol) === "-1" ? {} : { FromPort: r.fromPort, ToPort: r.toPort };
}

/**
 * One provider rule names many sources; a CloudFormation rule names one. `self` sources become
 * separate ingress resources (a group cannot reference itself inline).
 */
function sgRules(rules: SgRule[] | undefined, direction: "ingress" | "egress"): Props[] {
  const peer = direction === "ingress" ? "SourceSecurityGroupId" : "DestinationSecurityGroupId";
  const prefix = direction === "ingress" ? "SourcePrefixListId" : "DestinationPrefixListId";
  return (rules ?? []).flatMap((r) => {
    const base = compact({ IpProtocol: r.protocol, ...ports(r), Description: r.description });
    return [
      ...(r.cidrBlocks ?? []).map((c) => ({ ...base, CidrIp: c })),
      ...(r.ipv6CidrBlocks ?? []).map((c) => ({ ...base, CidrIpv6: c })),
      ...(r.securityGroups ?? []).map((g) => ({ ...base, [peer]: g })),
      ...(r.prefixListIds ?? []).map((p) => ({ ...base, [prefix]: p })),
    ];
  });
}

const securityGroup: Mapping = {
  cfnType: "AWS::EC2::SecurityGroup",
  attributes: { id: "GroupId", arn: "" },
  properties: (i, ctx) => compact({
    GroupName: i.name,
    // The provider's default description; CloudFormation requires one.
    GroupDescription: i.description ?? "Managed by Pulumi",
    VpcId: i.vpcId,
    SecurityGroupIngress: sgRules(i.ingress, "ingress"),
    SecurityGroupEgress: sgRules(i.egress, "egress"),
    Tags: ctx.tagList(i.tags),
  }),
  companions: (i, _ctx, self) => (i.ingress ?? []).filter((r: SgRule) => r.self).map((r: SgRule, n: number) => ({
    suffix: `SelfIngress${n + 1}`,
    Type: "AWS::EC2::SecurityGroupIngress",
    Properties: compact({ GroupId: { "Fn::GetAtt": [self, "GroupId"] }, SourceSecurityGroupId: { "Fn::GetAtt": [self, "GroupId"] }, IpProtocol: r.protocol, ...ports(r), Description: r.description }),
  })),
};

/** aws.vpc.SecurityGroupIngressRule / EgressRule: one rule, one source. Tags have no CloudFormation property. */
const vpcRule = (direction: "ingress" | "egress"): Mapping => ({
  cfnType: direction === "ingress" ? "AWS::EC2::SecurityGroupIngress" : "AWS::EC2::SecurityGroupEgress",
  properties: (i) => compact({
    GroupId: i.securityGroupId,
    IpProtocol: i.ipProtocol,
    ...ports(i),
    CidrIp: i.cidrIpv4,
    CidrIpv6: i.cidrIpv6,
    [direction === "ingress" ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"]: i.referencedSecurityGroupId,
    [direction === "ingress" ? "SourcePrefixListId" : "DestinationPrefixListId"]: i.prefixListId,
    Description: i.description,
  }),
});

/** aws.ec2.SecurityGroupRule (the eks component's egress rule). */
const sgRule: Mapping = {
  cfnType: "AWS::EC2::SecurityGroupEgress",
  properties: (i) => {
    const [rule] = sgRules([{ ...i, protocol: i.protocol, securityGroups: i.sourceSecurityGroupId ? [i.sourceSecurityGroupId] : undefined }], i.type);
    return compact({ GroupId: i.securityGroupId, ...rule });
  },
};

/** The attribute an instance's primary interface resolves to: no CloudFormation attribute exists. */
const PRIMARY_ENI = "PrimaryNetworkInterfaceId";

/**
 * The provider routes to a NAT instance through its primary interface (v7 has no instanceId on a
 * route); CloudFormation has no attribute for that interface, but AWS::EC2::Route takes InstanceId,
 * which AWS resolves to the same interface.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-route.html
 */
function routeToInstance(props: Props): Props {
  const eni = props.NetworkInterfaceId;
  const getAtt = eni && typeof eni === "object" ? eni["Fn::GetAtt"] : undefined;
  if (!Array.isArray(getAtt) || getAtt[1] !== PRIMARY_ENI) return props;
  const { NetworkInterfaceId: _, ...rest } = props;
  return { ...rest, InstanceId: { Ref: getAtt[0] } };
}

const launchTemplateData = (i: Props, ctx: MapContext): Props => compact({
  ImageId: i.imageId,
  InstanceType: i.instanceType,
  UserData: i.userData,
  IamInstanceProfile: i.iamInstanceProfile ? pascal(i.iamInstanceProfile) : undefined,
  SecurityGroupIds: i.vpcSecurityGroupIds,
  Monitoring: i.monitoring ? pascal(i.monitoring) : undefined,
  MetadataOptions: i.metadataOptions ? pascal(i.metadataOptions) : undefined,
  BlockDeviceMappings: (i.blockDeviceMappings ?? []).map((b: Props) => compact({
    DeviceName: b.deviceName,
    Ebs: b.ebs ? compact({
      DeleteOnTermination: bool(b.ebs.deleteOnTermination), Encrypted: bool(b.ebs.encrypted), KmsKeyId: b.ebs.kmsKeyId,
      VolumeSize: int(b.ebs.volumeSize), VolumeType: b.ebs.volumeType, Iops: int(b.ebs.iops), Throughput: int(b.ebs.throughput),
    }) : undefined,
  })),
  NetworkInterfaces: (i.networkInterfaces ?? []).map((n: Props) => compact({
    AssociatePublicIpAddress: bool(n.associatePublicIpAddress), DeleteOnTermination: bool(n.deleteOnTermination), DeviceIndex: n.deviceIndex,
    Groups: n.securityGroups, SubnetId: n.subnetId,
  })),
  TagSpecifications: (i.tagSpecifications ?? []).map((t: Props) => ({ ResourceType: t.resourceType, Tags: ctx.tagList(t.tags) })),
});

const launchTemplate: Mapping = {
  cfnType: "AWS::EC2::LaunchTemplate",
  attributes: { id: "LaunchTemplateId", latestVersion: "LatestVersionNumber", defaultVersion: "DefaultVersionNumber", arn: "" },
  properties: (i, ctx) => compact({
    LaunchTemplateName: i.name,
    VersionDescription: i.description,
    LaunchTemplateData: launchTemplateData(i, ctx),
    TagSpecifications: i.tags ? [{ ResourceType: "launch-template", Tags: ctx.tagList(i.tags) }] : undefined,
  }),
};

/**
 * aws.ec2.Instance (dev's NAT instance). A public address is a property of the primary interface in
 * CloudFormation, so the subnet and groups move into NetworkInterfaces when one is asked for.
 * CloudFormation takes UserData base64-encoded (the provider encodes it itself). The root volume is
 * the AMI's root device: /dev/xvda on Amazon Linux 2023.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html
 * https://docs.aws.amazon.com/linux/al2023/ug/ec2.html
 */
const instance: Mapping = {
  cfnType: "AWS::EC2::Instance",
  // No Arn attribute; the primary interface has none either, so a route to it names the instance
  // (see the route mapping): the marker attribute below never reaches a template.
  attributes: { arn: "", primaryNetworkInterfaceId: PRIMARY_ENI, publicIp: "PublicIp", privateIp: "PrivateIp" },
  properties: (i, ctx) => {
    const placement = i.associatePublicIpAddress === undefined
      ? { SubnetId: i.subnetId, SecurityGroupIds: i.vpcSecurityGroupIds }
      : { NetworkInterfaces: [compact({ DeviceIndex: "0", AssociatePublicIpAddress: i.associatePublicIpAddress, DeleteOnTermination: true, SubnetId: i.subnetId, GroupSet: i.vpcSecurityGroupIds })] };
    const root = i.rootBlockDevice;
    return compact({
      ImageId: i.ami,
      InstanceType: i.instanceType,
      ...placement,
      SourceDestCheck: i.sourceDestCheck,
      IamInstanceProfile: i.iamInstanceProfile,
      Monitoring: i.monitoring,
      MetadataOptions: i.metadataOptions ? pascal(i.metadataOptions) : undefined,
      UserData: i.userData === undefined ? undefined : { "Fn::Base64": i.userData },
      BlockDeviceMappings: root ? [{ DeviceName: "/dev/xvda", Ebs: compact({
        DeleteOnTermination: root.deleteOnTermination, Encrypted: root.encrypted, KmsKeyId: root.kmsKeyId, VolumeSize: root.volumeSize, VolumeType: root.volumeType, Iops: root.iops, Throughput: root.throughput,
      }) }] : undefined,
      Tags: ctx.tagList(i.tags),
    });
  },
};

export const NETWORK_MAPPINGS: Record<string, Mapping> = {
  "aws:ec2/instance:Instance": instance,
  "aws:ec2/vpc:Vpc": {
    cfnType: "AWS::EC2::VPC",
    attributes: { arn: "" },
    properties: (i, ctx) => compact({
      CidrBlock: i.cidrBlock, EnableDnsHostnames: i.enableDnsHostnames, EnableDnsSupport: i.enableDnsSupport, InstanceTenancy: i.instanceTenancy, Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:ec2/subnet:Subnet": {
    cfnType: "AWS::EC2::Subnet",
    attributes: { arn: "" },
    properties: (i, ctx) => compact({
      VpcId: i.vpcId, AvailabilityZone: i.availabilityZone, CidrBlock: i.cidrBlock, MapPublicIpOnLaunch: i.mapPublicIpOnLaunch, Tags: ctx.tagList(i.tags),
    }),
  },
  // The provider attaches a gateway to its vpcId; CloudFormation needs an attachment resource.
  "aws:ec2/internetGateway:InternetGateway": {
    cfnType: "AWS::EC2::InternetGateway",
    properties: (i, ctx) => compact({ Tags: ctx.tagList(i.tags) }),
    companions: (i, _ctx, self) => (i.vpcId ? [{ suffix: "Attachment", Type: "AWS::EC2::VPCGatewayAttachment", Properties: { VpcId: i.vpcId, InternetGatewayId: { Ref: self } } }] : []),
  },
  "aws:ec2/routeTable:RouteTable": { cfnType: "AWS::EC2::RouteTable", properties: (i, ctx) => compact({ VpcId: i.vpcId, Tags: ctx.tagList(i.tags) }) },
  "aws:ec2/route:Route": {
    cfnType: "AWS::EC2::Route",
    properties: (i) => compact({
      RouteTableId: i.routeTableId, DestinationCidrBlock: i.destinationCidrBlock, GatewayId: i.gatewayId, NatGatewayId: i.natGatewayId, VpcEndpointId: i.vpcEndpointId,
      NetworkInterfaceId: i.networkInterfaceId,
    }),
    finalize: routeToInstance,
  },
  "aws:ec2/routeTableAssociation:RouteTableAssociation": {
    cfnType: "AWS::EC2::SubnetRouteTableAssociation",
    properties: (i) => compact({ RouteTableId: i.routeTableId, SubnetId: i.subnetId }),
  },
  // The provider's id of a VPC address is its allocation id; Ref of AWS::EC2::EIP is the public IP.
  "aws:ec2/eip:Eip": {
    cfnType: "AWS::EC2::EIP",
    attributes: { id: "AllocationId", allocationId: "AllocationId" },
    properties: (i, ctx) => compact({ Domain: i.domain, Tags: ctx.tagList(i.tags) }),
  },
  "aws:ec2/natGateway:NatGateway": {
    cfnType: "AWS::EC2::NatGateway",
    properties: (i, ctx) => compact({ SubnetId: i.subnetId, AllocationId: i.allocationId, ConnectivityType: i.connectivityType, Tags: ctx.tagList(i.tags) }),
  },
  "aws:ec2/securityGroup:SecurityGroup": securityGroup,
  "aws:ec2/securityGroupRule:SecurityGroupRule": sgRule,
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": vpcRule("ingress"),
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": vpcRule("egress"),
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": {
    none: "CloudFormation cannot adopt a VPC's default security group; the provider strips its rules in place",
  },
  "aws:ec2/vpcEndpoint:VpcEndpoint": {
    cfnType: "AWS::EC2::VPCEndpoint",
    attributes: { arn: "" },
    properties: (i, ctx) => compact({
      VpcId: i.vpcId, ServiceName: i.serviceName, VpcEndpointType: i.vpcEndpointType, PrivateDnsEnabled: i.privateDnsEnabled,
      SubnetIds: i.subnetIds, SecurityGroupIds: i.securityGroupIds, RouteTableIds: i.routeTableIds, PolicyDocument: json(i.policy), Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:ec2/flowLog:FlowLog": {
    cfnType: "AWS::EC2::FlowLog",
    attributes: { arn: "" },
    properties: (i, ctx) => {
      const [ResourceType, ResourceId] = i.vpcId ? ["VPC", i.vpcId] : i.subnetId ? ["Subnet", i.subnetId] : ["NetworkInterface", i.eniId];
      return compact({
        ResourceType, ResourceId, TrafficType: i.trafficType, LogDestinationType: i.logDestinationType, LogDestination: i.logDestination,
        DeliverLogsPermissionArn: i.iamRoleArn, MaxAggregationInterval: i.maxAggregationInterval, LogFormat: i.logFormat, Tags: ctx.tagList(i.tags),
      });
    },
  },
  "aws:ec2/launchTemplate:LaunchTemplate": launchTemplate,
};
