import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** MSK defaults to TLS both ways when encryptionInTransit is omitted; only a downgrade fails. */
export const requireTls: PackResourcePolicy = {
  name: "msk-require-tls",
  resourceTypes: [T.mskCluster],
  description: "MSK clusters accept only TLS from clients and encrypt traffic between brokers.",
  severity: "high",
  framework: fsbp("MSK.1"),
  remediationSteps: "Set encryptionInfo.encryptionInTransit to { clientBroker: \"TLS\", inCluster: true } on the aws.msk.Cluster.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.mskCluster) return;
    const transit = args.props.encryptionInfo?.encryptionInTransit ?? {};
    if ((transit.clientBroker ?? "TLS") !== "TLS") {
      reportViolation(`MSK cluster accepts ${transit.clientBroker} client connections; set encryptionInTransit.clientBroker: "TLS".`);
    }
    if (transit.inCluster === false) {
      reportViolation("MSK cluster sends data between brokers unencrypted; set encryptionInTransit.inCluster: true.");
    }
  },
};
