/**
 * Settings of the security tier's components, what a direct caller gets by default, and the
 * per-profile presets the platform's stacks start from. Pure; no Pulumi imports.
 */
import type { Profile } from "../profiles";
import { withDefaults } from "../defaults";
import { SettingProblem, assertNoProblems, intRange, problem } from "../settings";

/** Secrets Manager keeps a deleted secret restorable for 7 to 30 days. https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html */
export const SECRET_RECOVERY_WINDOW = { min: 7, max: 30 } as const;
/** KMS waits 7 to 30 days before it destroys a key scheduled for deletion. https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html */
export const KEY_DELETION_WINDOW = { min: 7, max: 30 } as const;

export interface KeyRingSettings {
  /**
   * Days a deleted key waits before AWS destroys it, 7 to 30; until then the deletion can be
   * cancelled. https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
   * @default 30 (the longest: losing a key loses every byte it encrypted)
   */
  deletionWindowDays: number;
  /**
   * Pulumi `protect` on every key: `pulumi destroy` refuses to schedule their deletion.
   * https://www.pulumi.com/docs/iac/concepts/options/protect/
   * @default true
   */
  protect: boolean;
}

/** dev lets keys go after a week; staging and prod keep the full 30 days and protect every key. */
export const KEY_RING_PRESETS: Record<Profile, KeyRingSettings> = {
  dev: { deletionWindowDays: 7, protect: false },
  staging: { deletionWindowDays: 30, protect: true },
  prod: { deletionWindowDays: 30, protect: true },
};

/** A direct caller's keys: the prod preset. */
export const KEY_RING_DEFAULTS: KeyRingSettings = KEY_RING_PRESETS.prod;

export function checkKeyRingSettings(s: KeyRingSettings): SettingProblem[] {
  return intRange("deletionWindowDays", s.deletionWindowDays, KEY_DELETION_WINDOW.min, KEY_DELETION_WINDOW.max, "KMS ScheduleKeyDeletion");
}

export interface ApplicationSecretsSettings {
  /**
   * Days a deleted secret can still be restored, 7 to 30.
   * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html
   * @default 30
   */
  recoveryWindowDays: number;
  /**
   * Pulumi `protect` on every secret. https://www.pulumi.com/docs/iac/concepts/options/protect/
   * @default true
   */
  protect: boolean;
}

export const APPLICATION_SECRETS_PRESETS: Record<Profile, ApplicationSecretsSettings> = {
  dev: { recoveryWindowDays: 7, protect: false },
  staging: { recoveryWindowDays: 30, protect: true },
  prod: { recoveryWindowDays: 30, protect: true },
};

/** A direct caller's secrets: the prod preset. */
export const APPLICATION_SECRETS_DEFAULTS: ApplicationSecretsSettings = APPLICATION_SECRETS_PRESETS.prod;

/** Secrets Manager descriptions are at most 2048 characters. https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html */
export const SECRET_DESCRIPTION_MAX = 2048;

export function checkApplicationSecrets(s: ApplicationSecretsSettings, secrets: ReadonlyArray<{ name: string; description: string }>): SettingProblem[] {
  const problems = intRange("recoveryWindowDays", s.recoveryWindowDays, SECRET_RECOVERY_WINDOW.min, SECRET_RECOVERY_WINDOW.max, "Secrets Manager DeleteSecret");
  const seen = new Set<string>();
  secrets.forEach((secret, i) => {
    if (seen.has(secret.name)) problems.push(problem(`secrets[${i}].name`, secret.name, "a name no other secret of the component uses"));
    seen.add(secret.name);
    if (secret.description.length < 1 || secret.description.length > SECRET_DESCRIPTION_MAX) {
      problems.push(problem(`secrets[${i}].description`, `${secret.description.length} characters`, `1 to ${SECRET_DESCRIPTION_MAX} characters (Secrets Manager CreateSecret)`));
    }
  });
  return problems;
}

/** The key ring's settings: the caller's, else the defaults; throws listing every problem. */
export function resolveKeyRingArgs(name: string, args: Partial<KeyRingSettings>): KeyRingSettings {
  const s = withDefaults(KEY_RING_DEFAULTS, args);
  assertNoProblems(name, checkKeyRingSettings(s));
  return s;
}

/** The application secrets' settings: the caller's, else the defaults; throws listing every problem. */
export function resolveApplicationSecretsArgs(name: string, args: Partial<ApplicationSecretsSettings> & { secrets: ReadonlyArray<{ name: string; description: string }> }): ApplicationSecretsSettings {
  const s = withDefaults(APPLICATION_SECRETS_DEFAULTS, args);
  assertNoProblems(name, checkApplicationSecrets(s, args.secrets));
  return s;
}
