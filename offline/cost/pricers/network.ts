/**
 * Network and edge: NAT gateways, interface endpoints, load balancers, CloudFront. Data-processing
 * charges use the stack-wide GB assumptions, split evenly across the resources that share them.
 */
import { Pricer, hours, isMissing, line, need, partly, usd } from "./context";

export const natGateway: Pricer = (_r, ctx) => {
  const e = need(ctx, "natGateway.hour", "natGateway.gb");
  if (isMissing(e)) return e;
  const gb = ctx.assumptions.natGatewayDataGb / Math.max(1, ctx.countOf("aws:ec2/natGateway:NatGateway"));
  return [
    line(e[0], hours(), `730 h x ${usd(e[0].value)}`),
    line(e[1], gb, `${gb.toFixed(1)} GB processed (platform:cost.natGatewayDataGb split across NAT gateways) x ${usd(e[1].value)}`, "data processing"),
  ];
};

/** Interface endpoints bill per AZ (one network interface per subnet) and per GB processed. */
export const vpcEndpoint: Pricer = (r, ctx) => {
  if (String(r.inputs.vpcEndpointType ?? "Gateway").toLowerCase() !== "interface") return [];
  const e = need(ctx, "vpcEndpoint.interface.hour", "vpcEndpoint.interface.gb");
  if (isMissing(e)) return e;
  // A preview of a new stack does not know the subnet ids yet: one interface per AZ of the VPC.
  const azs = Math.max(1, Array.isArray(r.inputs.subnetIds) ? r.inputs.subnetIds.length : ctx.azCount);
  const gb = ctx.assumptions.vpcEndpointDataGb / Math.max(1, ctx.countOf("aws:ec2/vpcEndpoint:VpcEndpoint"));
  return [
    line(e[0], hours(azs), `${azs} AZ x 730 h x ${usd(e[0].value)}`),
    ...(gb > 0 ? [line(e[1], gb, `${gb.toFixed(1)} GB (platform:cost.vpcEndpointDataGb split across endpoints) x ${usd(e[1].value)}`, "data processing")] : []),
  ];
};

/** Every public IPv4 address (Elastic IPs included) bills by the hour. */
export const publicIpv4: Pricer = (_r, ctx) => {
  const e = need(ctx, "publicIpv4.hour");
  return isMissing(e) ? e : [line(e[0], hours(), `public IPv4 address: 730 h x ${usd(e[0].value)}`)];
};

export const loadBalancer: Pricer = (r, ctx) => {
  if (String(r.inputs.loadBalancerType ?? "application") !== "application") return { missing: `${r.inputs.loadBalancerType} load balancers are not priced` };
  const e = need(ctx, "alb.hour", "alb.lcu");
  if (isMissing(e)) return e;
  const lcu = ctx.assumptions.albLcuPerHour;
  return [
    line(e[0], hours(), `730 h x ${usd(e[0].value)}`),
    line(e[1], hours(lcu), `${lcu} LCU (platform:cost.albLcuPerHour) x 730 h x ${usd(e[1].value)}`, "LCUs"),
  ];
};

/**
 * Data out to viewers and HTTPS requests, at the first-tier US rates (CloudFront bills by viewer
 * location, https://aws.amazon.com/cloudfront/pricing/); the always-free tier is not deducted.
 */
export const distribution: Pricer = (_r, ctx) => {
  const e = need(ctx, "cloudfront.gb");
  if (isMissing(e)) return e;
  const share = Math.max(1, ctx.countOf("aws:cloudfront/distribution:Distribution"));
  const gb = ctx.assumptions.cloudfrontDataGb / share;
  const data = line(e[0], gb, `${gb} GB to viewers (platform:cost.cloudfrontDataGb) x ${usd(e[0].value)}`);
  const req = need(ctx, "cloudfront.request");
  if (isMissing(req)) return partly([data], req);
  const m = ctx.assumptions.cloudfrontRequestsMillions / share;
  return [data, line(req[0], m * 100, `${m} M HTTPS requests (platform:cost.cloudfrontRequestsMillions) x ${usd(req[0].value)}/10k`, "requests")];
};
