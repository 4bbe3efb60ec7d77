/**
 * VPC endpoint naming. Pure; no Pulumi imports.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
 */

/** Full service name of an AWS service endpoint in a region, e.g. com.amazonaws.us-east-1.ecr.api. */
export function endpointServiceName(region: string, service: string): string {
  return `com.amazonaws.${region}.${service}`;
}

/** Child role of an endpoint and its security group: "ecr.api" -> "endpoint-ecr-api". */
export function endpointRole(service: string): string {
  return `endpoint-${service.replace(/\./g, "-")}`;
}

/** HTTPS is the only port an AWS interface endpoint serves. */
export const ENDPOINT_PORT = 443;

/**
 * Interface endpoints a node in a private subnet needs to pull images, assume IRSA roles, ship logs
 * and read secrets without a NAT hop. Short names; the full service name is
 * `com.amazonaws.<region>.<name>`. https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html
 */
export const INTERFACE_ENDPOINT_SERVICES = [
  "ecr.api",
  "ecr.dkr",
  "sts",
  "logs",
  "secretsmanager",
  "kms",
  "ec2",
  "elasticloadbalancing",
  "autoscaling",
  "ssm",
  "monitoring",
] as const;
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];
