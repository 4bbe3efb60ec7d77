/**
 * Profiles name the presets each component keeps beside it (`<COMPONENT>_PRESETS.dev`, `.prod`):
 * dev is cheap, prod is highly available and guarded. A program chooses one explicitly; the
 * platform's stacks choose it with `platform:profile`, never from the stack name.
 */
export const PROFILES = ["dev", "staging", "prod"] as const;
export type Profile = (typeof PROFILES)[number];

/** A value per profile, built by `f`: how a stack section derives its defaults from a preset. */
export function mapProfiles<T>(f: (profile: Profile) => T): Record<Profile, T> {
  return Object.fromEntries(PROFILES.map((p) => [p, f(p)])) as Record<Profile, T>;
}
