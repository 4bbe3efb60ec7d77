/** Tags every component adds to its children on top of the provider's default tags. */
import { ComponentArgsError } from "./errors";

export type Tier = "security" | "network" | "deploy" | "cluster" | "data" | "storage" | "edge" | "monitoring";

export function tierTags(tier: Tier, extra: Record<string, string> = {}): Record<string, string> {
  return { Tier: tier, ...extra };
}

/**
 * Characters and length AWS accepts in a tag value: Unicode letters, digits and spaces, and
 * `_ . : / = + - @`, at most 256 characters; a value may not start with `aws:`.
 * https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions
 */
export const TAG_VALUE = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/iu;

/**
 * The tag on a Secrets Manager secret that Secrets Manager does not rotate itself, saying who rotates
 * it and how. The policy pack's secretsmanager-enable-rotation accepts such a secret without a
 * SecretRotation, and only with a non-blank value.
 */
export const ROTATED_BY_TAG = "RotatedBy";

/** A RotatedBy value: a tag value AWS accepts that is not blank. */
export const ROTATED_BY_VALUE = /^(?=.*[^\p{Z}])(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,256}$/iu;

/** `{ RotatedBy: who }`, refused when AWS would refuse the value or when it says nothing. */
export function rotatedByTag(who: string): Record<string, string> {
  if (!ROTATED_BY_VALUE.test(who)) {
    throw new ComponentArgsError(`${ROTATED_BY_TAG} tag value "${who}" must name who rotates the secret, in at most 256 of the characters AWS allows in a tag value (letters, digits, spaces, _ . : / = + - @)`);
  }
  return { [ROTATED_BY_TAG]: who };
}

/**
 * Who rotates an application secret (platform:appSecrets) unless its entry says otherwise: whoever
 * issues the value (a third-party provider, the team that owns a shared key), outside Secrets
 * Manager, which would need a Lambda function able to change the value at its source.
 */
export const APP_SECRET_ROTATED_BY = "issuer out of band: rotated where the value is issued then stored with secretsmanager put-secret-value";
