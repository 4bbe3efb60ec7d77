/**
 * The domain's hosted zone (with DNS query logging when the stack creates it) and its two ACM
 * certificates, validated by DNS: one in us-east-1 for CloudFront (apex and www), one in the
 * stack's region for the ALB (origin.<domain>).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";
import type { EdgeDomain } from "./args";
import { originName, wwwName } from "./names";
import { type QueryLogSettings, createQueryLogging } from "./queryLogging";

export interface CertificateOutputs {
  zoneId: pulumi.Output<string>;
  /** Name servers to delegate to at the registrar, when this stack created the zone. */
  nameServers?: pulumi.Output<string[]>;
  /** Validated: CloudFront's viewer certificate (us-east-1). */
  viewerCertificateArn: pulumi.Output<string>;
  /** Validated: the ALB's HTTPS listener certificate (stack region). */
  originCertificateArn: pulumi.Output<string>;
}

export interface CertificateArgs {
  domain: EdgeDomain;
  usEast1: aws.Provider;
  /** Pulumi `protect` on the zone this stack creates. */
  protect: boolean;
  /** DNS query logging of the zone this stack creates. */
  queryLogs: Omit<QueryLogSettings, "usEast1">;
}

/**
 * A zone the stack creates is public and logs its DNS queries (FSBP Route53.2). A zone it only
 * looks up (by id or name) belongs to someone else: its query logging is that owner's to set, and
 * a zone has at most one query logging configuration, so the edge adds none.
 */
function hostedZone(parent: pulumi.Resource, name: string, args: CertificateArgs): { zoneId: pulumi.Output<string>; nameServers?: pulumi.Output<string[]> } {
  const { domain } = args;
  const hz = domain.hostedZone;
  if ("create" in hz) {
    // The registrar points at this zone's name servers; replacing it would break the domain.
    const zone = new aws.route53.Zone(
      childName(name, "zone"),
      { name: domain.name, comment: `${name}: public zone of ${domain.name}`, forceDestroy: false, tags: tierTags("edge") },
      { parent, protect: args.protect },
    );
    createQueryLogging(parent, name, zone, domain.name, { ...args.queryLogs, usEast1: args.usEast1 });
    return { zoneId: zone.zoneId, nameServers: zone.nameServers };
  }
  const found = aws.route53.getZoneOutput("zoneId" in hz ? { zoneId: hz.zoneId } : { name: hz.zoneName, privateZone: false }, { parent });
  return { zoneId: found.zoneId };
}

/**
 * A DNS-validated certificate: one CNAME per name, then the validation that waits for ACM to issue.
 * allowOverwrite, because ACM gives a replacement certificate for the same name the same record.
 * https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html
 */
function validatedCertificate(
  parent: pulumi.Resource,
  role: string,
  names: string[],
  zoneId: pulumi.Output<string>,
  provider?: aws.Provider,
): pulumi.Output<string> {
  const cert = new aws.acm.Certificate(
    role,
    { domainName: names[0], subjectAlternativeNames: names.slice(1), validationMethod: "DNS", keyAlgorithm: "RSA_2048", tags: tierTags("edge") },
    { parent, provider },
  );
  const records = names.map((domainName, i) => {
    const option = cert.domainValidationOptions.apply((opts) => {
      const found = opts.find((o) => o.domainName === domainName);
      if (!found) throw new Error(`ACM returned no DNS validation record for ${domainName}`);
      return found;
    });
    return new aws.route53.Record(
      childName(role, "validation", i + 1),
      { zoneId, name: option.resourceRecordName, type: option.resourceRecordType, records: [option.resourceRecordValue], ttl: 300, allowOverwrite: true },
      { parent },
    );
  });
  const validation = new aws.acm.CertificateValidation(
    childName(role, "validation"),
    { certificateArn: cert.arn, validationRecordFqdns: records.map((r) => r.fqdn) },
    { parent, provider },
  );
  return validation.certificateArn;
}

export function createCertificates(parent: pulumi.Resource, name: string, args: CertificateArgs): CertificateOutputs {
  const { domain } = args;
  const zone = hostedZone(parent, name, args);
  return {
    ...zone,
    viewerCertificateArn: validatedCertificate(parent, childName(name, "viewer-cert"), [domain.name, wwwName(domain.name)], zone.zoneId, args.usEast1),
    originCertificateArn: validatedCertificate(parent, childName(name, "origin-cert"), [originName(domain.name)], zone.zoneId),
  };
}
