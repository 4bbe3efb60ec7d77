import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * Automatic rotation exists only for symmetric encryption keys outside custom key stores (not
 * asymmetric, HMAC or CloudHSM/external key store keys).
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
 */
const ROTATABLE_SPECS = new Set([undefined, "SYMMETRIC_DEFAULT"]);

export const enableKeyRotation: PackResourcePolicy = {
  name: "kms-enable-key-rotation",
  resourceTypes: [T.kmsKey],
  description: "Customer-managed symmetric KMS keys rotate their key material automatically. Keys AWS cannot rotate (asymmetric, HMAC, custom key store) are out of scope.",
  severity: "medium",
  framework: fsbp("KMS.4"),
  remediationSteps: "Set enableKeyRotation: true on the aws.kms.Key (rotation is yearly by default and keeps old material for decryption).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.kmsKey) return;
    if (!ROTATABLE_SPECS.has(args.props.customerMasterKeySpec) || args.props.customKeyStoreId || args.props.xksKeyId) return;
    if (args.props.enableKeyRotation !== true) {
      reportViolation("KMS key has automatic rotation off; set enableKeyRotation: true so its key material rotates yearly.");
    }
  },
};
