import type { PolicyResource } from "@pulumi/policy";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { refersTo } from "../../lib/references";
import { T } from "../../lib/types";
import { known, read } from "../../lib/unknowns";

/** A zone associated with a VPC is private; Route53.2 and Route 53's query logging cover public zones only. */
function isPrivate(zone: PolicyResource): boolean {
  const vpcs = read<unknown[]>(zone.props, "vpcs");
  return !vpcs.unknown && Array.isArray(vpcs.value) && vpcs.value.length > 0;
}

/**
 * Route53.2: every public hosted zone the stack declares logs its DNS queries, so the names
 * resolved under the domain (probes, takeover attempts, exfiltration through DNS) can be
 * investigated. A query logging configuration belongs to a zone when its zoneId depends on the
 * zone or equals its id. Zones a program only looks up are not resources of the stack: their
 * owner's stack answers for them.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/route53-controls.html#route53-2
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html
 */
export const enableQueryLogging: PackStackPolicy = {
  name: "route53-enable-query-logging",
  resourceTypes: [T.route53Zone, T.route53QueryLog],
  description: "Every public Route 53 hosted zone (one without VPCs) has a DNS query logging configuration.",
  severity: "medium",
  framework: fsbp("Route53.2"),
  remediationSteps:
    "Add an aws.route53.QueryLog whose zoneId is the zone, logging to a CloudWatch log group in us-east-1 (e.g. /aws/route53/<zone>) that a CloudWatch Logs resource policy in us-east-1 lets route53.amazonaws.com write to.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const queryLogs = args.resources.filter((r) => r.type === T.route53QueryLog);
    for (const zone of args.resources.filter((r) => r.type === T.route53Zone)) {
      if (isPrivate(zone)) continue;
      // By dependency, or by the zone's id when no dependency links them (ids are unknown during preview).
      if (queryLogs.some((q) => refersTo(q, "zoneId", zone, ["zoneId", "id"]))) continue;
      // An unlinked configuration whose zoneId is unknown might be this zone's, and VPCs unknown
      // until apply might make the zone private: reading either says "can't run during preview".
      for (const q of queryLogs) if (read(q.props, "zoneId").unknown) void q.props.zoneId;
      if (read(zone.props, "vpcs").unknown) void zone.props.vpcs;
      reportViolation(
        `Public hosted zone ${known<string>(zone.props, "name") ?? zone.name} does not log DNS queries; add an aws.route53.QueryLog whose zoneId is this zone, logging to a log group in us-east-1.`,
        zone.urn,
      );
    }
  },
};
