/**
 * Per-resource monthly fees (KMS keys, secrets, web ACLs, alarms, dashboards, hosted zones) and the
 * usage items that rest on stated assumptions (log ingestion, S3 and backup storage, CloudTrail
 * data events, web ACL requests).
 */
import { Pricer, isMissing, line, need, usd } from "./context";

/** A fixed monthly fee per resource. */
const monthlyFee = (key: string, what: string): Pricer => (_r, ctx) => {
  const e = need(ctx, key);
  return isMissing(e) ? e : [line(e[0], 1, `${what}: ${usd(e[0].value)}/month`)];
};

export const kmsKey = monthlyFee("kms.key", "customer managed key");
export const secret = monthlyFee("secretsmanager.secret", "secret");
export const dashboard = monthlyFee("cloudwatch.dashboard", "dashboard");
export const hostedZone = monthlyFee("route53.hostedZone", "hosted zone");

/** Standard-resolution alarms; a period under 60 s is high resolution, priced higher and not kept here. */
export const metricAlarm: Pricer = (r, ctx) => {
  if (Number(r.inputs.period ?? 60) < 60) return { missing: "high-resolution alarm rate not kept" };
  return monthlyFee("cloudwatch.alarm.standard", "standard alarm")(r, ctx);
};

/** $5 per web ACL, $1 per rule or rule group, and the requests it inspects. */
export const webAcl: Pricer = (r, ctx) => {
  const e = need(ctx, "waf.webAcl", "waf.rule", "waf.request");
  if (isMissing(e)) return e;
  const rules = (r.inputs.rules ?? []).length;
  const m = ctx.assumptions.wafRequestsMillions;
  return [
    line(e[0], 1, `web ACL ${usd(e[0].value)}/month`),
    line(e[1], rules, `${rules} rules x ${usd(e[1].value)}/month`, "rules"),
    line(e[2], m, `${m} M requests (platform:cost.wafRequestsMillions) x ${usd(e[2].value)}/M`, "requests"),
  ];
};

/** Each log group takes an equal share of the stated ingestion; storage at short retention is left out. */
export const logGroup: Pricer = (_r, ctx) => {
  const e = need(ctx, "cloudwatch.logs.ingest.gb");
  if (isMissing(e)) return e;
  const gb = ctx.assumptions.logIngestGb / Math.max(1, ctx.countOf("aws:cloudwatch/logGroup:LogGroup"));
  return [line(e[0], gb, `${gb.toFixed(2)} GB ingested (share of platform:cost.logIngestGb) x ${usd(e[0].value)}/GB`)];
};

export const bucket: Pricer = (_r, ctx) => {
  const e = need(ctx, "s3.standard.gb");
  if (isMissing(e)) return e;
  const gb = ctx.assumptions.s3StorageGb / Math.max(1, ctx.countOf("aws:s3/bucket:Bucket") + ctx.countOf("aws:s3/bucketV2:BucketV2"));
  return [line(e[0], gb, `${gb.toFixed(1)} GB Standard (share of platform:cost.s3StorageGb) x ${usd(e[0].value)}/GB-month`)];
};

export const backupVault: Pricer = (_r, ctx) => {
  const e = need(ctx, "backup.warm.gb");
  if (isMissing(e)) return e;
  const gb = ctx.assumptions.backupStorageGb / Math.max(1, ctx.countOf("aws:backup/vault:Vault"));
  return [line(e[0], gb, `${gb.toFixed(1)} GB warm storage (share of platform:cost.backupStorageGb) x ${usd(e[0].value)}/GB-month`)];
};

/** The first copy of management events is free; data events are billed per 100,000. */
export const trail: Pricer = (r, ctx) => {
  const selectors: any[] = r.inputs.advancedEventSelectors ?? [];
  const data = selectors.some((s) => (s.fieldSelectors ?? []).some((f: any) => f.field === "eventCategory" && (f.equals ?? []).includes("Data")));
  // Management events only: the first copy is free (https://aws.amazon.com/cloudtrail/pricing/).
  if (!data) return [];
  const e = need(ctx, "cloudtrail.dataEvents");
  if (isMissing(e)) return e;
  const m = ctx.assumptions.cloudTrailDataEventsMillions;
  return [line(e[0], m * 10, `${m} M data events (platform:cost.cloudTrailDataEventsMillions) x ${usd(e[0].value)}/100k`)];
};
