/**
 * Route 53 alias records: apex and www to CloudFront (IPv4 and IPv6), origin.<domain> to the ALB.
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-to-cloudfront-distribution.html
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { originName, wwwName } from "./names";
import { CLOUDFRONT_HOSTED_ZONE_ID } from "./tls";

export function createAliasRecords(
  parent: pulumi.Resource,
  name: string,
  zoneId: pulumi.Input<string>,
  domain: string,
  distributionDomainName: pulumi.Input<string>,
  alb: aws.lb.LoadBalancer,
): void {
  const viewerNames: [string, string][] = [["apex", domain], ["www", wwwName(domain)]];
  for (const [role, recordName] of viewerNames) {
    // AAAA as well as A: the distribution has IPv6 enabled.
    for (const type of ["A", "AAAA"] as const) {
      new aws.route53.Record(
        childName(name, `${role}-${type.toLowerCase()}`),
        { zoneId, name: recordName, type, aliases: [{ name: distributionDomainName, zoneId: CLOUDFRONT_HOSTED_ZONE_ID, evaluateTargetHealth: false }] },
        { parent },
      );
    }
  }
  // CloudFront connects to origin.<domain> and checks the ALB's certificate against that name. For
  // an internal ALB the name resolves to private addresses, which nothing outside the VPC can reach.
  new aws.route53.Record(
    childName(name, "origin-a"),
    { zoneId, name: originName(domain), type: "A", aliases: [{ name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true }] },
    { parent },
  );
}
