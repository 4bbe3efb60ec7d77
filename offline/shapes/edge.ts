/**
 * The edge tier's types in the mock cloud: id and ARN formats, auto-name limits, and the data
 * sources it calls. Realistic enough that one resource's inputs can be joined to another's outputs.
 */
import { hex, uuid } from "../ids";
import type { Invoke } from "../invokes";
import type { Ctx, Shape } from "../resourceShapes";

type Inputs = Record<string, any>;

const upper = (seed: string, n: number) => hex(seed, n).toUpperCase();

/** Route 53 zone ids of ALBs per region (for alias records); others get a made-up id. */
const ALB_ZONE_IDS: Record<string, string> = { "us-east-1": "Z35SXDOTRQ7X7K", "us-west-2": "Z1H1FL5HABSF5", "eu-west-1": "Z32O12XQLNTSW2", "eu-central-1": "Z215JYRZR1TBD5" };

/** The origin-facing CloudFront prefix list has a per-region id. */
const ORIGIN_FACING_IDS: Record<string, string> = { "us-east-1": "pl-3b927c52", "us-west-2": "pl-82a045eb" };

/** ELB names made from a prefix: the provider appends 26 characters, so the prefix is at most 6. */
function elbName(kind: string, name: string, inputs: Inputs): string {
  if (inputs.name !== undefined) return inputs.name;
  if (inputs.namePrefix !== undefined) {
    if (inputs.namePrefix.length > 6) throw new Error(`${kind} ${name}: namePrefix "${inputs.namePrefix}" is over 6 characters; AWS names are at most 32`);
    return `${inputs.namePrefix}${hex(`${kind}:${name}`, 26)}`;
  }
  return name;
}

const elbArn = (kind: string, resource: string) => (name: string, inputs: Inputs, ctx: Ctx) =>
  `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account}:${resource}/${elbName(kind, name, inputs)}/${hex(`${kind}:${name}`, 16)}`;

function validationOptions(inputs: Inputs) {
  const names: string[] = [inputs.domainName, ...(inputs.subjectAlternativeNames ?? [])];
  return names.map((domainName) => ({
    domainName,
    resourceRecordName: `_${hex(`acm:${domainName}`, 32)}.${domainName}.`,
    resourceRecordType: "CNAME",
    resourceRecordValue: `_${hex(`acm-value:${domainName}`, 32)}.xlfgrmvvlj.acm-validations.aws.`,
  }));
}

export const EDGE_SHAPES: Record<string, Shape> = {
  "aws:cloudfront/distribution:Distribution": {
    id: (name) => `E${upper(`cf:${name}`, 13)}`,
    extra: (id, name, _i, ctx) => ({
      arn: `arn:aws:cloudfront::${ctx.account}:distribution/${id}`,
      domainName: `d${hex(`cf-domain:${name}`, 13)}.cloudfront.net`,
      hostedZoneId: "Z2FDTNDATAQYW2",
      status: "Deployed",
    }),
  },
  "aws:cloudfront/vpcOrigin:VpcOrigin": {
    id: (name) => `vo_${hex(`vo:${name}`, 22)}`,
    extra: (id, _n, _i, ctx) => ({ arn: `arn:aws:cloudfront::${ctx.account}:vpcorigin/${id}` }),
  },
  "aws:cloudfront/originAccessControl:OriginAccessControl": { nameProp: "name", nameLimit: 64, id: (name) => `E${upper(`oac:${name}`, 13)}` },
  "aws:wafv2/webAcl:WebAcl": {
    nameProp: "name",
    nameLimit: 128,
    id: (name) => uuid(`waf:${name}`),
    extra: (id, name, inputs, ctx) => ({
      arn: `arn:aws:wafv2:${ctx.region}:${ctx.account}:${inputs.scope === "CLOUDFRONT" ? "global" : "regional"}/webacl/${name}/${id}`,
      capacity: 1000,
    }),
  },
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": { id: (_n, inputs) => inputs.resourceArn },
  "aws:wafv2/webAclAssociation:WebAclAssociation": { id: (_n, inputs) => `${inputs.webAclArn},${inputs.resourceArn}` },
  "aws:lb/loadBalancer:LoadBalancer": {
    nameProp: "name",
    nameLimit: 32,
    id: elbArn("lb", "loadbalancer/app"),
    extra: (id, name, inputs, ctx) => ({
      arn: id,
      arnSuffix: id.split(":loadbalancer/")[1],
      name: elbName("lb", name, inputs),
      dnsName: `${inputs.internal ? "internal-" : ""}${elbName("lb", name, inputs)}-${parseInt(hex(`dns:${name}`, 8), 16)}.${ctx.region}.elb.amazonaws.com`,
      zoneId: ALB_ZONE_IDS[ctx.region] ?? `Z${upper(`elb-zone:${ctx.region}`, 13)}`,
    }),
  },
  "aws:lb/targetGroup:TargetGroup": {
    nameProp: "name",
    nameLimit: 32,
    id: elbArn("tg", "targetgroup"),
    extra: (id, name, inputs) => ({ arn: id, name: elbName("tg", name, inputs) }),
  },
  "aws:lb/listener:Listener": {
    id: (name, inputs) => `${String(inputs.loadBalancerArn).replace(":loadbalancer/", ":listener/")}/${hex(`listener:${name}`, 16)}`,
    extra: (id) => ({ arn: id }),
  },
  "aws:lb/listenerRule:ListenerRule": {
    id: (name, inputs) => `${String(inputs.listenerArn).replace(":listener/", ":listener-rule/")}/${hex(`rule:${name}`, 16)}`,
    extra: (id) => ({ arn: id }),
  },
  "aws:acm/certificate:Certificate": {
    id: (name, _i, ctx) => `arn:aws:acm:${ctx.region}:${ctx.account}:certificate/${uuid(`acm:${name}`)}`,
    extra: (id, _n, inputs) => ({ arn: id, status: "PENDING_VALIDATION", domainValidationOptions: validationOptions(inputs) }),
  },
  "aws:acm/certificateValidation:CertificateValidation": { id: (_n, inputs) => String(inputs.certificateArn) },
  "aws:route53/zone:Zone": {
    id: (name) => `Z${upper(`zone:${name}`, 20)}`,
    extra: (id, _n, _i, ctx) => ({
      zoneId: id,
      arn: `arn:aws:route53:::hostedzone/${id}`,
      nameServers: [1, 2, 3, 4].map((n) => `ns-${parseInt(hex(`ns:${id}:${n}`, 3), 16)}.awsdns-${n}.${["com", "net", "org", "co.uk"][n - 1]}`),
      account: ctx.account,
    }),
  },
  "aws:route53/record:Record": {
    id: (_n, inputs) => `${inputs.zoneId}_${inputs.name}_${inputs.type}`,
    extra: (_id, _n, inputs) => ({ fqdn: String(inputs.name).replace(/\.$/, "") }),
  },
  // An account-scoped policy is named, a resource-scoped one names its log group: exactly one of the two.
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": {
    id: (name, inputs) => {
      const { policyName, resourceArn } = inputs;
      if ((policyName === undefined) === (resourceArn === undefined)) throw new Error(`LogResourcePolicy ${name}: AWS needs exactly one of policyName and resourceArn`);
      if (policyName !== undefined && !/^[^:*/]+(\/[^:*/]+)*$/.test(policyName)) throw new Error(`LogResourcePolicy ${name}: AWS rejects the policy name "${policyName}" (no ":" or "*", "/" only between parts)`);
      if (policyName !== undefined && policyName.length > 255) throw new Error(`LogResourcePolicy ${name}: AWS rejects the name "${policyName}" (${policyName.length} characters; the limit is 255)`);
      return policyName ?? resourceArn;
    },
    extra: (_id, _n, inputs) => ({ policyScope: inputs.resourceArn === undefined ? "ACCOUNT" : "RESOURCE" }),
  },
  "aws:route53/queryLog:QueryLog": {
    id: (name) => uuid(`query-log:${name}`),
    extra: (id) => ({ arn: `arn:aws:route53:::queryloggingconfig/${id}` }),
  },
  "aws:cloudwatch/logDeliverySource:LogDeliverySource": {
    nameProp: "name",
    nameLimit: 60,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:logs:${ctx.region}:${ctx.account}:delivery-source:${name}`, service: "cloudfront" }),
  },
  "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": {
    nameProp: "name",
    nameLimit: 60,
    id: (name) => name,
    extra: (_id, name, inputs, ctx) => ({
      arn: `arn:aws:logs:${ctx.region}:${ctx.account}:delivery-destination:${name}`,
      deliveryDestinationType: String(inputs.deliveryDestinationConfiguration?.destinationResourceArn ?? "").startsWith("arn:aws:s3:") ? "S3" : "CWL",
    }),
  },
  "aws:cloudwatch/logDelivery:LogDelivery": {
    id: (name) => hex(`delivery:${name}`, 16),
    extra: (id, _n, _i, ctx) => ({ arn: `arn:aws:logs:${ctx.region}:${ctx.account}:delivery:${id}` }),
  },
};

export const EDGE_INVOKES: Record<string, Invoke> = {
  "aws:ec2/getManagedPrefixList:getManagedPrefixList": (inputs, { region, account }) => {
    const id = ORIGIN_FACING_IDS[region] ?? `pl-${hex(`pl:${region}:${inputs.name}`, 8)}`;
    return { id, name: inputs.name, addressFamily: "IPv4", maxEntries: 55, ownerId: "AWS", arn: `arn:aws:ec2:${region}:${account}:prefix-list/${id}`, entries: [] };
  },
  "aws:route53/getZone:getZone": (inputs) => {
    const zoneId = inputs.zoneId ?? `Z${upper(`zone-lookup:${inputs.name}`, 20)}`;
    const name = inputs.name ?? "example.com";
    return { id: zoneId, zoneId, name, privateZone: false, nameServers: ["ns-1.awsdns-01.org"], arn: `arn:aws:route53:::hostedzone/${zoneId}` };
  },
};
