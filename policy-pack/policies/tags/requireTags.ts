import { type PackResourcePolicy } from "../../lib/metadata";
import { TAGGABLE_AWS_TYPES } from "../../lib/taggableTypes";
import { effectiveTags, raiseUnknownTags } from "../../lib/tags";

export interface RequiredTagsConfig {
  /** Tag keys every taggable resource must carry with a non-empty value. */
  requiredTags: string[];
}

const TAGGABLE = new Set(TAGGABLE_AWS_TYPES);

const list = (keys: string[]) => (keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(", ")} and ${keys[keys.length - 1]}`);

/**
 * A resource policy, so it runs before anything is created. It counts the provider's default tags:
 * the platform sets Environment, Owner and CostCenter once on the provider and each component adds
 * Tier, and AWS sees the merge (tagsAll).
 */
export const requireTags: PackResourcePolicy = {
  name: "tags-require-tags",
  resourceTypes: TAGGABLE_AWS_TYPES,
  resourceTypesSummary: "every AWS type the provider's default tags reach (a tagsAll output)",
  description:
    "Every taggable AWS resource carries the required tags (by default Environment, Tier, Owner and CostCenter) with a value, " +
    "from its own tags or its provider's default tags, so cost, ownership and incident response can find it.",
  severity: "medium",
  remediationSteps:
    "Set the missing keys in defaultTags.tags of the aws.Provider (stack-wide values such as Environment, Owner, CostCenter) " +
    "or in the resource's tags (per-component values such as Tier).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      requiredTags: {
        type: "array",
        items: { type: "string", minLength: 1, maxLength: 128 },
        minItems: 1,
        uniqueItems: true,
        default: ["Environment", "Tier", "Owner", "CostCenter"],
        description: "Tag keys every taggable resource must carry with a non-empty value (AWS tag keys are 1 to 128 characters).",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (!TAGGABLE.has(args.type)) return;
    const { requiredTags } = args.getConfig<RequiredTagsConfig>();
    const view = effectiveTags(args.props, args.provider);
    const missing = requiredTags.filter((k) => !view.tags.has(k));
    const empty = requiredTags.filter((k) => view.tags.get(k) === "");
    // A key still missing may be in a tag map that is unknown until apply: only then it cannot be decided.
    if (missing.length > 0 && view.incomplete) raiseUnknownTags(args.props, args.provider);
    const problems = [missing.length > 0 ? `lacks the tag${missing.length > 1 ? "s" : ""} ${list(missing)}` : "", empty.length > 0 ? `has an empty ${list(empty)}` : ""].filter(Boolean);
    if (problems.length > 0) {
      reportViolation(`Resource ${problems.join(" and ")}; set ${missing.length + empty.length > 1 ? "them" : "it"} in its tags or in its provider's defaultTags.`);
    }
  },
};
