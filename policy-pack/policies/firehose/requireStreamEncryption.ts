import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { read } from "../../lib/unknowns";

/**
 * DataFirehose.1: Firehose streams encrypt the records they buffer. Firehose's own default is no
 * encryption. Only a Direct PUT stream takes serverSideEncryption; a stream reading from Kinesis
 * Data Streams or MSK keeps its records encrypted by the source, so it is left alone.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/datafirehose-controls.html#datafirehose-1
 * https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
 */
export const requireStreamEncryption: PackResourcePolicy = {
  name: "firehose-require-stream-encryption",
  resourceTypes: [T.firehoseDeliveryStream],
  description: "Direct PUT Firehose streams encrypt the records they buffer at rest (serverSideEncryption enabled); streams reading Kinesis or MSK inherit their source's encryption.",
  severity: "medium",
  framework: fsbp("DataFirehose.1"),
  remediationSteps: "Set serverSideEncryption { enabled: true } on the aws.kinesis.FirehoseDeliveryStream, with keyType CUSTOMER_MANAGED_CMK and keyArn for a key of your own.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.firehoseDeliveryStream) return;
    const kinesis = read(args.props, "kinesisSourceConfiguration");
    const msk = read(args.props, "mskSourceConfiguration");
    if (kinesis.unknown || msk.unknown || kinesis.value || msk.value) return;
    const sse = read<{ enabled?: boolean }>(args.props, "serverSideEncryption");
    if (sse.unknown) return;
    if (sse.value?.enabled !== true) {
      reportViolation("Firehose stream buffers records unencrypted; set serverSideEncryption.enabled: true.");
    }
  },
};
