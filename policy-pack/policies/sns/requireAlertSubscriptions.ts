import type { PackStackPolicy } from "../../lib/metadata";
import { criticalTopics, subscribes } from "../../lib/alerts";
import { T } from "../../lib/types";

export const requireAlertSubscriptions: PackStackPolicy = {
  name: "sns-require-alert-subscriptions",
  resourceTypes: [T.snsTopic, T.snsTopicSubscription],
  description: "Every critical alert topic (an SNS topic tagged Severity=critical) has at least one subscription, so a critical alarm pages someone. Config cannot demand this: a stack that sets only profile, name and tags is valid by design.",
  severity: "high",
  remediationSteps: "Set platform:monitoring.notifications.critical.emails or .httpsUrls (the on-call rotation's address or paging integration) in the stack file.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const subs = args.resources.filter((r) => r.type === T.snsTopicSubscription);
    for (const topic of criticalTopics(args.resources)) {
      if (!subs.some((s) => subscribes(s, topic))) {
        reportViolation(`Critical topic ${topic.name} has no subscription, so critical alarms page nobody; subscribe the on-call e-mail or paging URL.`, topic.urn);
      }
    }
  },
};
