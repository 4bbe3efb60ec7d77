/**
 * Careless changes to the monitoring config of the prod stack (alert topics, alarms, the audit
 * trail). Topic encryption, alarm actions and the trail's settings are hard-wired in
 * components/monitoring, and the prod rule refuses switching the tier off, so all rows but one are
 * the config error that stops the change; an alert topic left without subscribers is the policy's.
 */
import * as pulumi from "@pulumi/pulumi";
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the monitoring component, not config; the policy guards hand-written code and other programs using the pack";

export const MONITORING_MUTATIONS: Mutation[] = [
  {
    policy: "budgets-require-estimate-within-limit",
    change: "cut the monthly budget to $500 to look frugal, below what the stack is estimated to cost",
    set: { "platform:monitoring.budget.monthlyLimitUsd": 500 },
    message: /^Estimated monthly cost \$\d+\.\d{2} \(\d+ resources unpriced, so at least this\) exceeds the monthly budget medsearch-prod-monthly of \$500\.00 \(platform:monitoring\.budget\.monthlyLimitUsd\); largest items: \S+ \$\d+\.\d{2}, \S+ \$\d+\.\d{2}, \S+ \$\d+\.\d{2}; /,
  },
  {
    policy: "firehose-require-stream-encryption",
    change: "stream the log archive through Firehose unencrypted",
    set: { "platform:monitoring.logs.archiveEncryption": false },
    configError: noSuchKey("platform:monitoring.logs.archiveEncryption"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", patch: (p) => ({ ...p, serverSideEncryption: { enabled: false } }), message: /buffers records unencrypted; set serverSideEncryption\.enabled: true\.$/ },
  },
  {
    policy: "sns-require-topic-encryption",
    change: "leave the alert topics unencrypted so a third-party webhook can read them",
    set: { "platform:monitoring.notifications.encrypted": false },
    configError: noSuchKey("platform:monitoring.notifications.encrypted"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:sns/topic:Topic", patch: (p) => ({ ...p, kmsMasterKeyId: undefined }), message: /has no kmsMasterKeyId; set it to a customer-managed KMS key so messages are encrypted at rest\.$/ },
  },
  {
    policy: "sns-require-alert-subscriptions",
    change: "remove the on-call e-mail and paging URL while the rotation changes",
    set: { "platform:monitoring.notifications.critical.emails": [], "platform:monitoring.notifications.critical.httpsUrls": [] },
    message: /has no subscription, so critical alarms page nobody; subscribe the on-call e-mail or paging URL/,
  },
  {
    policy: "cloudwatch-require-alarm-actions",
    change: "silence every alarm during a noisy week",
    set: { "platform:monitoring.alarmActionsEnabled": false },
    configError: noSuchKey("platform:monitoring.alarmActionsEnabled"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:cloudwatch/metricAlarm:MetricAlarm", patch: (p) => ({ ...p, actionsEnabled: false }), message: /has actionsEnabled false, so its actions never run; set actionsEnabled to true\.$/ },
  },
  {
    policy: "cloudwatch-require-critical-alarms",
    change: "switch monitoring off in prod to save its cost",
    set: { "platform:monitoring.enabled": false },
    configError: /platform:monitoring\.enabled: got false; allowed: true when profile is prod/,
    because: "the prod rule keeps the tier on; the policy still catches a data store added outside the monitoring tier's targets",
    inCode: {
      type: "aws:sns/topic:Topic",
      name: /-critical$/,
      // A transformation cannot remove the tier's alarms; untagging the critical topic leaves every data store, as with the tier off, without an alarm that pages it.
      patch: (p) => ({ ...p, tags: pulumi.output(p.tags).apply((t: Record<string, string>) => ({ ...t, Severity: "warning" })) }),
      message: /has no alarm that pages a critical topic; add it to the monitoring tier's targets\.$/,
    },
  },
  {
    policy: "cloudtrail-require-multi-region-trail",
    change: "record only the stack's own region",
    set: { "platform:monitoring.cloudTrail.multiRegion": false },
    configError: noSuchKey("platform:monitoring.cloudTrail.multiRegion"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:cloudtrail/trail:Trail", patch: (p) => ({ ...p, isMultiRegionTrail: false }), message: /records only its home region; set isMultiRegionTrail to true\.$/ },
  },
  {
    policy: "cloudtrail-require-trail-encryption",
    change: "let the trail use S3's default encryption",
    set: { "platform:monitoring.cloudTrail.kmsEncryption": false },
    configError: noSuchKey("platform:monitoring.cloudTrail.kmsEncryption"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:cloudtrail/trail:Trail", patch: (p) => ({ ...p, kmsKeyId: undefined }), message: /has no kmsKeyId, so its log files are only SSE-S3 encrypted; set it to a customer-managed KMS key\.$/ },
  },
  {
    policy: "cloudtrail-enable-log-file-validation",
    change: "skip log file validation",
    set: { "platform:monitoring.cloudTrail.logFileValidation": false },
    configError: noSuchKey("platform:monitoring.cloudTrail.logFileValidation"),
    because: NOT_A_KNOB,
    inCode: { type: "aws:cloudtrail/trail:Trail", patch: (p) => ({ ...p, enableLogFileValidation: false }), message: /has log-file validation off, .*; set enableLogFileValidation to true\.$/ },
  },
];
