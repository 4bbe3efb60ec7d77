/**
 * Schema building blocks shared by the tier sections.
 */
import { z } from "zod";
import { parseCidr } from "../../../components/network/cidr";
import { CIPHERTEXT_RULE, isPulumiCiphertext } from "../secure";
import { LOG_RETENTION_DAYS } from "../values";

/** A union of literal values (zod has no enum for numbers). */
export const literals = <T extends readonly (string | number)[]>(values: T) =>
  z.union(values.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<T[number]>, z.ZodLiteral<T[number]>]);

/** An IPv4 CIDR block with a prefix in [min, max] and no host bits set. */
export const cidrBlock = (min: number, max: number) =>
  z.string().refine((s) => {
    const c = parseCidr(s);
    return c !== undefined && c.prefix >= min && c.prefix <= max;
  }, `an IPv4 CIDR block with prefix /${min} to /${max} and no host bits set, such as 10.0.0.0/${min}`);

export const retention = literals(LOG_RETENTION_DAYS).describe(
  `Days. One of the values CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`,
);

/**
 * A field that may hold a secret: a plain value as `plain` allows, or a `secure:` value
 * (`pulumi config set --secret --path ...`), whose ciphertext must be well-formed. Only fields
 * marked this way accept a secure value; the program passes their values on as Pulumi secrets.
 */
export const secretable = <T extends z.ZodType<string>>(plain: T) =>
  z.union([plain, z.strictObject({ secure: z.string().refine(isPulumiCiphertext, CIPHERTEXT_RULE) })]).meta({ secret: true });
