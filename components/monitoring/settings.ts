/**
 * Alarm settings (threshold, period, evaluation periods, datapoints to alarm) and the rules
 * CloudWatch and common sense put on them. Config validation and the component's argument checks
 * both use these, so a bad value is rejected with the same words either way. Pure.
 */
import { ALARMS, ALARM_TIERS, AlarmDefinition, AlarmSettings, AlarmTier, ThresholdUnit } from "./catalogue";

/** Settings per alarm, keyed like the config: alarms.<tier>.<name>. */
export type AlarmSettingsConfig = { [T in AlarmTier]: Record<string, AlarmSettings> };

/** The reference defaults, straight from the catalogue. */
export const DEFAULT_ALARM_SETTINGS: AlarmSettingsConfig = Object.fromEntries(
  ALARM_TIERS.map((t) => [t, Object.fromEntries(ALARMS.filter((a) => a.tier === t).map((a) => [a.name, { ...a.defaults }]))]),
) as AlarmSettingsConfig;

export interface ThresholdRange {
  /** Smallest allowed value; excluded when minExclusive. */
  min: number;
  minExclusive: boolean;
  max: number;
  text: string;
}

/** What a threshold may be, by unit: a percentage over 100 can never breach, a negative count always does. */
export const THRESHOLD_RANGES: Record<ThresholdUnit, ThresholdRange> = {
  percent: { min: 0, minExclusive: true, max: 100, text: "a percentage above 0 and at most 100" },
  seconds: { min: 0, minExclusive: true, max: 86400, text: "seconds above 0 and at most 86400 (a day)" },
  count: { min: 0, minExclusive: false, max: 1e9, text: "a count of at least 0" },
  mebibytes: { min: 0, minExclusive: true, max: 4194304, text: "MiB above 0 and at most 4194304 (4 TiB)" },
  ratio: { min: 0, minExclusive: true, max: 1000, text: "a ratio above 0 and at most 1000" },
};

/**
 * CloudWatch accepts periods of 10, 20, 30 or any multiple of 60 seconds; 10 to 30 are for
 * high-resolution custom metrics only, and every metric in the catalogue is published at 60 s or
 * coarser, so only multiples of 60 make sense here.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 */
export const PERIOD_RULE = "a multiple of 60 seconds, 60 to 86400 (10, 20 and 30 are only for high-resolution custom metrics; these metrics are published every 60 s or less often)";

/**
 * The longest look-back CloudWatch allows: period × evaluationPeriods ≤ 1 day when the period is
 * under an hour, ≤ 7 days otherwise (PutMetricAlarm, EvaluationPeriods).
 */
export function maxWindowSeconds(periodSeconds: number): number {
  return periodSeconds < 3600 ? 86400 : 604800;
}

export const inRange = (value: number, r: ThresholdRange): boolean =>
  Number.isFinite(value) && (r.minExclusive ? value > r.min : value >= r.min) && value <= r.max;

export interface SettingProblem {
  /** Field under the alarm's key: threshold, periodSeconds, evaluationPeriods, datapointsToAlarm. */
  field: keyof AlarmSettings;
  value: unknown;
  allowed: string;
}

/** Every problem with one alarm's settings. */
export function settingProblems(def: AlarmDefinition, s: AlarmSettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (!inRange(s.threshold, THRESHOLD_RANGES[def.unit])) problems.push({ field: "threshold", value: s.threshold, allowed: THRESHOLD_RANGES[def.unit].text });
  const periodOk = Number.isInteger(s.periodSeconds) && s.periodSeconds >= 60 && s.periodSeconds <= 86400 && s.periodSeconds % 60 === 0;
  if (!periodOk) problems.push({ field: "periodSeconds", value: s.periodSeconds, allowed: PERIOD_RULE });
  if (!Number.isInteger(s.evaluationPeriods) || s.evaluationPeriods < 1) {
    problems.push({ field: "evaluationPeriods", value: s.evaluationPeriods, allowed: "an integer of at least 1" });
  } else if (periodOk && s.periodSeconds * s.evaluationPeriods > maxWindowSeconds(s.periodSeconds)) {
    const max = Math.floor(maxWindowSeconds(s.periodSeconds) / s.periodSeconds);
    problems.push({
      field: "evaluationPeriods", value: s.evaluationPeriods,
      allowed: `at most ${max} with periodSeconds ${s.periodSeconds}: CloudWatch looks back at most ${maxWindowSeconds(s.periodSeconds) === 86400 ? "1 day for periods under an hour" : "7 days"}`,
    });
  }
  if (!Number.isInteger(s.datapointsToAlarm) || s.datapointsToAlarm < 1 || s.datapointsToAlarm > s.evaluationPeriods) {
    problems.push({ field: "datapointsToAlarm", value: s.datapointsToAlarm, allowed: `an integer from 1 to evaluationPeriods (${s.evaluationPeriods})` });
  }
  return problems;
}

/** Every problem in a full settings config, keyed under `base` (e.g. platform:monitoring.alarms). */
export function alarmConfigProblems(config: AlarmSettingsConfig, base: string): { key: string; value: unknown; allowed: string }[] {
  return ALARMS.flatMap((def) => {
    const s = config[def.tier]?.[def.name];
    if (!s) return [{ key: `${base}.${def.tier}.${def.name}`, value: undefined, allowed: "settings for this alarm (threshold, periodSeconds, evaluationPeriods, datapointsToAlarm)" }];
    return settingProblems(def, s).map((p) => ({ key: `${base}.${def.tier}.${def.name}.${p.field}`, value: p.value, allowed: p.allowed }));
  });
}
