/**
 * `secure:` values. `pulumi config set --secret` (with --path for a nested key) writes a value as
 * `{ secure: <ciphertext> }`; the CLI decrypts it before the program runs, so a real run sees the
 * plaintext. The offline plan has no secrets provider: it sees the envelope, checks that the
 * ciphertext is well-formed, never prints it, and the program treats the value as an opaque secret.
 * Its plaintext (is the webhook URL https?) cannot be checked offline.
 */

/** The envelope the CLI writes for a secret. */
export interface SecureValue {
  secure: string;
}

export function isSecureValue(value: unknown): value is SecureValue {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    && Object.keys(value).length === 1 && typeof (value as { secure?: unknown }).secure === "string";
}

/** Whether a value is, or holds at any depth, a secure envelope (JSON text of one included). */
export function holdsSecureValue(value: unknown): boolean {
  if (typeof value === "string") return /^\s*\{\s*"secure"\s*:/.test(value);
  if (isSecureValue(value)) return true;
  if (Array.isArray(value)) return value.some(holdsSecureValue);
  return typeof value === "object" && value !== null && Object.values(value).some(holdsSecureValue);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const decodedLength = (b64: string) => (BASE64.test(b64) ? Buffer.from(b64, "base64").length : -1);

/** AES-256-GCM as the passphrase provider uses it: a 12-byte nonce, and a 16-byte tag at least. */
const GCM_NONCE_BYTES = 12;
const GCM_TAG_BYTES = 16;

/**
 * A ciphertext Pulumi writes: the passphrase provider's `v1:<base64 nonce>:<base64 ciphertext>`
 * (sdk/go/common/resource/config/crypt.go, symmetricCrypter), or the base64 blob the Pulumi Cloud
 * and cloud KMS providers return (awskms, azurekeyvault, gcpkms, hashivault).
 * https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/config/crypt.go
 */
export function isPulumiCiphertext(text: string): boolean {
  const parts = text.split(":");
  if (parts[0] === "v1") {
    return parts.length === 3 && decodedLength(parts[1]) === GCM_NONCE_BYTES && decodedLength(parts[2]) >= GCM_TAG_BYTES;
  }
  return parts.length === 1 && decodedLength(text) >= GCM_TAG_BYTES;
}

/** What a secure value must look like, for messages. */
export const CIPHERTEXT_RULE = "a Pulumi ciphertext as `pulumi config set --secret` writes it (v1:<nonce>:<ciphertext> with a passphrase, else base64)";

/**
 * Where a value may be secure: a field the schema marks secret (see `secretable` in sections/common.ts).
 * The rest are plain: a secure value there is refused, so a secret never lands where the program
 * would use it as plain text.
 */
export const SECRET_FIELD_HINT = "a plain value: this key is not a secret (secure values are accepted where a secret makes sense, such as notification webhook URLs)";
