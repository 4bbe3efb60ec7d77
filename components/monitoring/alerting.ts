import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import type { AccountContext } from "../account";
import { tierTags } from "../tags";
import type { Severity } from "./catalogue";
import { Endpoints, subscriptions } from "./endpoints";
import { monitoringNames } from "./naming";
import { notificationsKeyPolicy, topicPolicy } from "./notificationPolicies";

export interface AlertTopicsArgs {
  /** Parent component name, for child names. */
  component: string;
  /** Child-role prefix: "" in the stack's region, "edge-" for the CloudFront region. */
  role: string;
  /** Physical-name prefix, <system>-<stack>. */
  prefix: string;
  /** Account, partition and the region the topics live in. */
  account: AccountContext;
  /** Set when that region is not the provider's: every resource here then names it (aws v7 `region`). */
  region?: string;
  /** Topics to create: both in the stack's region, only those its alarms need elsewhere. */
  severities: Severity[];
  /** Subscriptions per topic (e-mail addresses, HTTPS URLs). */
  endpoints: Record<Severity, Endpoints<pulumi.Input<string>>>;
  /** Days a deleted key waits, 7 to 30. https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html */
  keyDeletionWindowDays: number;
  /** Pulumi `protect` on the key (prod). */
  protectKey: boolean;
}

/**
 * A customer-managed notifications key (rotation on) and one KMS-encrypted topic per severity, with
 * a topic policy admitting only CloudWatch, EventBridge and Budgets of this account, and the
 * configured e-mail and HTTPS subscriptions.
 */
export function alertTopics(parent: pulumi.Resource, a: AlertTopicsArgs): Record<Severity, pulumi.Output<string>> {
  const opts = { parent };
  const regional = a.region ? { region: a.region } : {};
  const n = (role: string, i?: number) => childName(a.component, `${a.role}${role}`, i);
  const key = new aws.kms.Key(
    n("notifications-key"),
    {
      ...regional,
      description: `${a.prefix}: encrypts the alert topics; CloudWatch, EventBridge and Budgets may use it to publish`,
      enableKeyRotation: true,
      deletionWindowInDays: a.keyDeletionWindowDays,
      policy: JSON.stringify(notificationsKeyPolicy(a.account)),
      tags: tierTags("monitoring", { DataClass: "notifications" }),
    },
    { ...opts, protect: a.protectKey },
  );
  new aws.kms.Alias(n("notifications-alias"), { ...regional, name: `alias/${a.prefix}-notifications`, targetKeyId: key.keyId }, opts);

  const arns = {} as Record<Severity, pulumi.Output<string>>;
  for (const severity of a.severities) {
    const topic = new aws.sns.Topic(
      n(severity),
      { ...regional, name: monitoringNames(a.prefix).topic(severity), kmsMasterKeyId: key.arn, tags: tierTags("monitoring", { Severity: severity }) },
      opts,
    );
    new aws.sns.TopicPolicy(n(`${severity}-policy`), { ...regional, arn: topic.arn, policy: topic.arn.apply((arn) => JSON.stringify(topicPolicy(arn, a.account))) }, opts);
    const subs = subscriptions(a.endpoints[severity]);
    subs.forEach((s, i) => {
      const nth = subs.slice(0, i + 1).filter((x) => x.protocol === s.protocol).length;
      new aws.sns.TopicSubscription(n(`${severity}-${s.protocol}`, nth), { ...regional, topic: topic.arn, protocol: s.protocol, endpoint: s.endpoint }, opts);
    });
    arns[severity] = topic.arn;
  }
  return arns;
}
