/**
 * `platform:keys`: the KMS key ring.
 */
import { z } from "zod";
import { KEY_RING_PRESETS } from "../../../components/security/presets";
import type { ConfigProblem } from "../problems";
import type { Profile } from "../values";

export const keysSchema = z.strictObject({
  deletionWindowDays: z.number().int().min(7).max(30).describe("Days a deleted KMS key waits before it is destroyed, 7 to 30 (AWS limits)."),
  protect: z.boolean().describe("Pulumi `protect` on every key, so `pulumi destroy` refuses to schedule their deletion. Losing a key loses all data it encrypted."),
});
export type KeysConfig = z.infer<typeof keysSchema>;

/** The key ring's presets (components/security/presets.ts). */
export const KEYS_DEFAULTS: Record<Profile, KeysConfig> = KEY_RING_PRESETS;

export function keysRules(c: { profile?: Profile; keys?: KeysConfig }): ConfigProblem[] {
  if (c.profile !== "prod" || !c.keys || c.keys.protect) return [];
  return [{ key: "platform:keys.protect", value: c.keys.protect, allowed: "true when profile is prod: stateful resources in prod are protected" }];
}
