/**
 * `platform:appSecrets`: secrets the application owns (third-party API keys, an external database's
 * connection string), as opposed to the data tier's store credentials. Each becomes an empty Secrets
 * Manager secret encrypted with the secrets key; its value is put there out of band
 * (`aws secretsmanager put-secret-value`), so it never passes through config or Pulumi state.
 * Services name them in `secrets`, exactly like the data tier's.
 */
import { z } from "zod";
import { DATA_SECRET_NAMES } from "../../../components/data/outputs";
import { APPLICATION_SECRETS_PRESETS } from "../../../components/security/presets";
import { APP_SECRET_ROTATED_BY, ROTATED_BY_VALUE } from "../../../components/tags";
import type { ConfigProblem } from "../problems";
import { Profile, mapProfiles } from "../values";

export const appSecretsSchema = z.strictObject({
  secrets: z.array(z.strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,46}[a-z0-9]$/, "2 to 48 characters of a-z, 0-9 and '-', starting with a letter")
      .describe("Name services use in services[].secrets; the container sees it as <NAME>_SECRET. Not database, cache or messaging (the data tier's)."),
    description: z.string().min(1).max(2048).describe("What the secret holds and who sets it (Secrets Manager description, at most 2048 characters)."),
    rotatedBy: z.string().regex(ROTATED_BY_VALUE, "who rotates it and how: not blank, at most 256 letters, digits, spaces and _ . : / = + - @ (AWS tag value rules)").optional()
      .describe(`Who rotates the secret outside Secrets Manager and how, for its RotatedBy tag. Default: "${APP_SECRET_ROTATED_BY}".`),
  })).describe("Application secrets, created empty; set each value with `aws secretsmanager put-secret-value` before the services start."),
  recoveryWindowDays: z.number().int().min(7).max(30).describe("Days a deleted secret can still be restored, 7 to 30 (Secrets Manager limits)."),
  protect: z.boolean().describe("Pulumi `protect` on every application secret. Required in prod."),
});
export type AppSecretsConfig = z.infer<typeof appSecretsSchema>;

/** No secrets unless the stack lists them; the window and protection are the component's presets. */
export const APP_SECRETS_DEFAULTS: Record<Profile, AppSecretsConfig> = mapProfiles((p) => ({ secrets: [], ...APPLICATION_SECRETS_PRESETS[p] }));

const KEY = "platform:appSecrets";

export function appSecretsRules(c: { profile?: Profile; appSecrets?: AppSecretsConfig }): ConfigProblem[] {
  const a = c.appSecrets;
  if (!a) return [];
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  a.secrets.forEach((s, i) => {
    if ((DATA_SECRET_NAMES as readonly string[]).includes(s.name)) {
      out.push({ key: `${KEY}.secrets[${i}].name`, value: s.name, allowed: `a name other than ${DATA_SECRET_NAMES.join(", ")}, which name the data tier's secrets` });
    }
    if (seen.has(s.name)) out.push({ key: `${KEY}.secrets[${i}].name`, value: s.name, allowed: "a name not already used by another application secret" });
    seen.add(s.name);
  });
  if (c.profile === "prod" && !a.protect) out.push({ key: `${KEY}.protect`, value: false, allowed: "true when profile is prod" });
  return out;
}
