/**
 * `platform:monitoring`: alert endpoints, alarm thresholds (reference defaults from the alarm
 * catalogue), the budget, the daily report, tracing, the audit trail and application log groups.
 */
import { z } from "zod";
import { ALARM_TIERS, AlarmDefinition, alarmsOf } from "../../../components/monitoring/catalogue";
import { isEmail, isHttpsUrl } from "../../../components/monitoring/endpoints";
import { MONITORING_PRESETS } from "../../../components/monitoring/presets";
import { AlarmSettingsConfig, PERIOD_RULE, THRESHOLD_RANGES, alarmConfigProblems, inRange } from "../../../components/monitoring/settings";
import type { ConfigProblem } from "../problems";
import { PROFILES, Profile } from "../values";
import type { ClusterConfig } from "./cluster";
import { secretable } from "./common";

const KEY = "platform:monitoring";

const endpoints = (who: string) => z.strictObject({
  emails: z.array(z.string().refine(isEmail, "an e-mail address such as oncall@example.com"))
    .describe(`E-mail addresses ${who}. Each must confirm the subscription from the mail SNS sends.`),
  httpsUrls: z.array(secretable(z.string().refine(isHttpsUrl, "an https:// URL without credentials, such as https://hooks.example.com/alerts")))
    .describe(`HTTPS endpoints ${who} (a paging service's SNS integration, a chat webhook). Plain HTTP is not accepted. A URL that carries a token may be a secure value (pulumi config set --secret --path); the program keeps every URL secret.`),
});

/** A refinement rather than gt/min/max, so the message states the unit's range (exclusive bounds included). */
function threshold(def: AlarmDefinition) {
  const r = THRESHOLD_RANGES[def.unit];
  const op = def.comparison === "GreaterThanThreshold" ? "above" : "below";
  return z.number().refine((v) => inRange(v, r), r.text).describe(`${def.title} [${def.severity}]: alarm when ${op} this; ${r.text}.`);
}

const above0 = (what: string) => z.number().refine((v) => v > 0, `${what} above 0`);

function alarmSchema(def: AlarmDefinition) {
  return z.strictObject({
    threshold: threshold(def),
    periodSeconds: z.number().int().refine((v) => v >= 60 && v <= 86400 && v % 60 === 0, PERIOD_RULE).describe(`Seconds per datapoint: ${PERIOD_RULE}.`),
    evaluationPeriods: z.number().int().min(1).describe("Datapoints looked back over (N). period × N ≤ 1 day for periods under an hour, else ≤ 7 days (CloudWatch)."),
    datapointsToAlarm: z.number().int().min(1).describe("Breaching datapoints within N that raise the alarm (M of N), 1 to evaluationPeriods."),
  });
}

/** alarms.<tier>.<name>, built from the catalogue so config and alarms cannot drift apart. */
const alarmsSchema = z.strictObject(Object.fromEntries(ALARM_TIERS.map((tier) => [
  tier,
  z.strictObject(Object.fromEntries(alarmsOf(tier).map((def) => [def.name, alarmSchema(def)]))).describe(`Alarms of the ${tier} tier; created only when the stack has that tier.`),
]))) as unknown as z.ZodType<AlarmSettingsConfig>;

const dnsLabel = z.string().regex(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/, "a lowercase DNS label");

export const monitoringSchema = z.strictObject({
  enabled: z.boolean().describe("Build the monitoring tier. Required in prod."),
  notifications: z.strictObject({
    critical: endpoints("paged for critical alarms (on-call)"),
    warning: endpoints("notified of warnings, budget alerts and the daily report (the team)"),
  }),
  alarms: alarmsSchema.describe("Per alarm: threshold, periodSeconds, evaluationPeriods, datapointsToAlarm. Defaults are the reference system's."),
  budget: z.strictObject({
    enabled: z.boolean().describe("Create the monthly AWS Budget. Turn it off only where the organization budgets the account already."),
    monthlyLimitUsd: above0("USD").describe("Monthly AWS Budget for the stack's tagged spend, in USD, above 0."),
    actualPercent: above0("a percentage").describe("Notify the warning topic when actual spend passes this percentage of the limit."),
    forecastPercent: above0("a percentage").describe("Notify the warning topic when the month's forecast passes this percentage of the limit."),
  }),
  dailyReport: z.strictObject({
    enabled: z.boolean().describe("Send the daily usage report (links to the dashboard and the budget) to the warning topic."),
    scheduleExpression: z.string().regex(/^(cron\([^)]+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\))$/, "an EventBridge cron(...) or rate(...) expression")
      .describe("When, in UTC, as an EventBridge schedule expression."),
  }),
  tracing: z.strictObject({
    enabled: z.boolean().describe("X-Ray sampling rule and the ADOT collector's IAM policy. Off in dev (cost)."),
    samplingRate: z.number().min(0).max(1).describe("Fraction of requests traced beyond the first each second, 0 to 1."),
  }),
  cloudTrail: z.strictObject({
    enabled: z.boolean().describe("A multi-region, KMS-encrypted, validated trail to the log bucket. Turn off only where an organization trail already records this account."),
    documentDataEvents: z.boolean().describe("Also record object reads and writes on the bucket of purpose documents (patient data), when the stack has one."),
  }),
  logs: z.strictObject({
    namespaces: z.array(dnsLabel).describe("Application namespaces that get a log group /<name>/<stack>/<namespace>; services[].namespace are added."),
    archiveToS3: z.boolean().describe("Stream the application log groups to the log bucket (Firehose, SSE-KMS with the logs key)."),
  }),
  s3RequestMetrics: z.boolean().describe("The storage tier turns on S3 request metrics for every bucket, shown on the dashboard (billed as custom metrics)."),
});

export type MonitoringConfig = Omit<z.infer<typeof monitoringSchema>, "alarms"> & { alarms: AlarmSettingsConfig };

/** The component's presets (components/monitoring/presets.ts), on in every profile (`enabled` is the stack's own key). */
export const MONITORING_DEFAULTS: Record<Profile, MonitoringConfig> = Object.fromEntries(
  PROFILES.map((p) => [p, { enabled: true, ...MONITORING_PRESETS[p] }]),
) as Record<Profile, MonitoringConfig>;

/**
 * The ECS service CPU warning must sit above the CPU target that service autoscaling holds: at or
 * below it, the alarm is in ALARM whenever scaling works as intended.
 */
function ecsAlarmProblems(m: MonitoringConfig, cluster: ClusterConfig | undefined): ConfigProblem[] {
  if (!cluster?.enabled || cluster.engine !== "ecs") return [];
  const threshold = m.alarms.ecs.serviceCpu?.threshold;
  const target = cluster.ecs.autoscaling.cpuTargetPercent;
  if (threshold === undefined || threshold > target) return [];
  return [{
    key: `${KEY}.alarms.ecs.serviceCpu.threshold`, value: threshold,
    allowed: `a percentage above platform:cluster.ecs.autoscaling.cpuTargetPercent (${target}): service autoscaling holds CPU at that target, so a threshold at or below it warns all day`,
  }];
}

/**
 * Cross-field rules. Endpoints are not required here: a stack that sets only profile, name and tags
 * is valid by design; the policy pack rejects a plan whose critical topic pages nobody.
 */
export function monitoringRules(c: { profile?: Profile; monitoring?: MonitoringConfig; cluster?: ClusterConfig }): ConfigProblem[] {
  const m = c.monitoring;
  if (!m) return [];
  const problems: ConfigProblem[] = [...alarmConfigProblems(m.alarms, `${KEY}.alarms`), ...ecsAlarmProblems(m, c.cluster)];
  if (c.profile === "prod" && !m.enabled) problems.push({ key: `${KEY}.enabled`, value: false, allowed: "true when profile is prod: production is watched" });
  const seen = new Set<string>();
  m.logs.namespaces.forEach((ns, i) => {
    if (seen.has(ns)) problems.push({ key: `${KEY}.logs.namespaces[${i}]`, value: ns, allowed: "a namespace not already listed" });
    seen.add(ns);
  });
  return problems;
}
