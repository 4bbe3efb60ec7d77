/**
 * Compute: the EKS control plane, managed node groups, EC2 instances and Auto Scaling groups (the
 * ECS engine's container instances), with their gp3 root volumes.
 */
import { Pricer, PricingContext, hours, isMissing, line, need, partly, usd } from "./context";
import type { Line, PriceResult } from "../types";

/** EKS bills $0.10 per cluster-hour in standard support and $0.60 in extended support (https://aws.amazon.com/eks/pricing/). */
export const eksCluster: Pricer = (r, ctx) => {
  const extended = String(r.inputs.upgradePolicy?.supportType ?? "").toUpperCase() === "EXTENDED";
  const key = extended ? "eks.controlPlane.extended" : "eks.controlPlane.standard";
  const e = need(ctx, key);
  if (isMissing(e)) return e;
  return [line(e[0], hours(), `control plane, ${extended ? "extended" : "standard"} support: 730 h x ${usd(e[0].value)}`)];
};

/** The root volume size in GiB: the launch template's first EBS mapping, else diskSize, else EKS's 20. */
function rootVolumeGiB(inputs: Record<string, any>, ctx: PricingContext): number {
  const lt = inputs.launchTemplate?.id ? ctx.byId(inputs.launchTemplate.id) : undefined;
  const mapped = (lt?.inputs.blockDeviceMappings ?? []).find((m: any) => m?.ebs?.volumeSize)?.ebs.volumeSize;
  return Number(mapped ?? inputs.diskSize ?? 20);
}

/**
 * `count` instances of `instanceType`, on-demand or at the stated Spot discount, with their gp3 root
 * volumes. Several types (Spot pools) are priced at the first listed, the one the group prefers.
 */
export function instances(instanceType: string, count: number, spot: boolean, volumeGiB: number, ctx: PricingContext): PriceResult {
  const e = need(ctx, `ec2.${instanceType}`);
  if (isMissing(e)) return e;
  const [ec2] = e;
  const gp3e = need(ctx, "ebs.gp3.gb");
  const factor = spot ? 1 - ctx.assumptions.spotDiscountPercent / 100 : 1;
  const spotText = spot ? ` x ${100 - ctx.assumptions.spotDiscountPercent}% (Spot at the assumed ${ctx.assumptions.spotDiscountPercent}% discount)` : "";
  const out: Line[] = [line(ec2, hours(count) * factor, `${count} x ${instanceType} x 730 h x ${usd(ec2.value)}${spotText}`)];
  if (count === 0 || volumeGiB === 0) return out;
  if (isMissing(gp3e)) return partly(out, gp3e);
  out.push(line(gp3e[0], count * volumeGiB, `${count} x ${volumeGiB} GiB gp3 root volume x ${usd(gp3e[0].value)}/GB-month`, "root volumes"));
  return out;
}

export const eksNodeGroup: Pricer = (r, ctx) => {
  const types: string[] = r.inputs.instanceTypes ?? [];
  const lt = r.inputs.launchTemplate?.id ? ctx.byId(r.inputs.launchTemplate.id) : undefined;
  const type = types[0] ?? lt?.inputs.instanceType;
  if (!type) return { missing: "node group names no instance type" };
  const count = Number(r.inputs.scalingConfig?.desiredSize ?? 0);
  return instances(type, count, String(r.inputs.capacityType).toUpperCase() === "SPOT", rootVolumeGiB(r.inputs, ctx), ctx);
};

/** An instance, its root volume and, with associatePublicIpAddress, its public IPv4 address. */
export const ec2Instance: Pricer = (r, ctx) => {
  const base = instances(String(r.inputs.instanceType), 1, r.inputs.instanceMarketOptions?.marketType === "spot", Number(r.inputs.rootBlockDevice?.volumeSize ?? 8), ctx);
  if (!r.inputs.associatePublicIpAddress) return base;
  const ip = need(ctx, "publicIpv4.hour");
  const lines = isMissing(base) ? base.lines ?? [] : base;
  if (isMissing(base) && !base.lines) return base;
  if (isMissing(ip)) return { missing: ip.missing, lines };
  const withIp = [...lines, line(ip[0], hours(), `public IPv4 address: 730 h x ${usd(ip[0].value)}`, "public IPv4")];
  return isMissing(base) ? { ...base, lines: withIp } : withIp;
};

/** An Auto Scaling group runs desiredCapacity instances (minSize when unset) of its launch template's type. */
export const autoscalingGroup: Pricer = (r, ctx) => {
  const lt = r.inputs.launchTemplate?.id ? ctx.byId(r.inputs.launchTemplate.id) : undefined;
  const override = r.inputs.mixedInstancesPolicy?.launchTemplate?.overrides?.[0]?.instanceType;
  const type = override ?? lt?.inputs.instanceType;
  if (!type) return { missing: "Auto Scaling group names no instance type (launch template not found)" };
  const count = Number(r.inputs.desiredCapacity ?? r.inputs.minSize ?? 0);
  return instances(type, count, false, rootVolumeGiB(lt ? { launchTemplate: r.inputs.launchTemplate } : {}, ctx), ctx);
};
