import { isPlain, listOf } from "../../lib/ecs";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { Unknown, resolve, undecidable } from "../../lib/unknowns";

/** "enhanced" adds task- and container-level metrics on top of "enabled"; both satisfy FSBP ECS.12. */
const ON = ["enabled", "enhanced"];

/**
 * Clusters collect CloudWatch Container Insights metrics and performance logs (FSBP ECS.12, AWS Config
 * rule ecs-container-insights-enabled). The setting is read from the cluster itself, as the control
 * does: an account default (aws.ecs.AccountSettingDefault) applies only to clusters created later and
 * is invisible to a resource policy.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/deploy-container-insights-ECS-cluster.html
 */
export const enableContainerInsights: PackResourcePolicy = {
  name: "ecs-enable-container-insights",
  resourceTypes: [T.ecsCluster],
  description: "ECS clusters have CloudWatch Container Insights on (setting containerInsights enabled or enhanced).",
  severity: "medium",
  framework: fsbp("ECS.12"),
  remediationSteps: "Add settings: [{ name: \"containerInsights\", value: \"enhanced\" }] (or \"enabled\") to the aws.ecs.Cluster.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.ecsCluster) return;
    const settings = resolve(args.props, "settings");
    if (settings instanceof Unknown) undecidable(args.props, settings);
    const entry = listOf(settings).find((s) => isPlain(s) && s.name === "containerInsights");
    const hidden = listOf(settings).map((s) => (isPlain(s) ? s.name : s)).find((n): n is Unknown => n instanceof Unknown);
    if (!entry && hidden) undecidable(args.props, hidden);
    const value = isPlain(entry) ? entry.value : undefined;
    if (value instanceof Unknown) undecidable(args.props, value);
    if (!ON.includes(value as string)) {
      reportViolation(`ECS cluster has Container Insights ${value === undefined ? "unset (off)" : `set to ${String(value)}`}; add the setting containerInsights with value enhanced or enabled.`);
    }
  },
};
