/**
 * `platform:cost`: the usage the offline plan's cost estimate assumes for usage-priced items (data
 * through NAT, log GB, requests, backup GB...) and the Spot discount. Nothing here changes a
 * resource; the plan prints these values beside the estimate and writes them to its JSON.
 */
import { z } from "zod";
import type { Profile } from "../values";

const gb = (what: string) => z.number().min(0).describe(`${what}, in GB per month, 0 or more.`);
const millions = (what: string) => z.number().min(0).describe(`${what}, in millions per month, 0 or more.`);

export const costSchema = z.strictObject({
  spotDiscountPercent: z.number().min(0).max(90)
    .describe("Percent below the on-demand price that Spot nodes cost, 0 to 90 (AWS quotes Spot at up to 90% off; the real discount varies by pool and hour)."),
  natGatewayDataGb: gb("Data processed by all NAT gateways together (egress from private subnets)"),
  vpcEndpointDataGb: gb("Data processed by all interface VPC endpoints together"),
  albLcuPerHour: z.number().min(0).describe("Average Load Balancer Capacity Units each ALB uses per hour (1 LCU: 25 new connections/s, 3,000 active connections/min, 1 GB/h or 1,000 rule evaluations/s), 0 or more."),
  logIngestGb: gb("CloudWatch Logs ingested by all the stack's log groups together (application, control plane, flow and WAF logs)"),
  cloudfrontDataGb: gb("Data CloudFront delivers to viewers"),
  cloudfrontRequestsMillions: millions("HTTPS requests CloudFront serves to viewers, all distributions together (each also passes the distribution's web ACL)"),
  wafRequestsMillions: millions("Requests each web ACL inspects"),
  s3StorageGb: gb("S3 Standard storage across all buckets (current and noncurrent versions)"),
  backupStorageGb: gb("AWS Backup warm storage across all vaults"),
  efsStorageGb: gb("EFS Standard storage per file system"),
  cloudTrailDataEventsMillions: millions("CloudTrail data events the trails record (the first copy of management events is free)"),
});
export type CostConfig = z.infer<typeof costSchema>;

/** dev: a small team's traffic; prod: the reference system's order of magnitude. */
export const COST_DEFAULTS: Record<Profile, CostConfig> = {
  dev: {
    spotDiscountPercent: 60, natGatewayDataGb: 20, vpcEndpointDataGb: 0, albLcuPerHour: 1, logIngestGb: 5, cloudfrontDataGb: 10, cloudfrontRequestsMillions: 1,
    wafRequestsMillions: 1, s3StorageGb: 50, backupStorageGb: 20, efsStorageGb: 10, cloudTrailDataEventsMillions: 0,
  },
  staging: {
    spotDiscountPercent: 60, natGatewayDataGb: 50, vpcEndpointDataGb: 20, albLcuPerHour: 1, logIngestGb: 20, cloudfrontDataGb: 50, cloudfrontRequestsMillions: 5,
    wafRequestsMillions: 5, s3StorageGb: 200, backupStorageGb: 100, efsStorageGb: 20, cloudTrailDataEventsMillions: 1,
  },
  prod: {
    spotDiscountPercent: 60, natGatewayDataGb: 200, vpcEndpointDataGb: 100, albLcuPerHour: 2, logIngestGb: 50, cloudfrontDataGb: 300, cloudfrontRequestsMillions: 20,
    wafRequestsMillions: 20, s3StorageGb: 500, backupStorageGb: 300, efsStorageGb: 50, cloudTrailDataEventsMillions: 5,
  },
};
