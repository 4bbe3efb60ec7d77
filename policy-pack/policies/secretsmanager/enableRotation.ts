import type { PolicyResource } from "@pulumi/policy";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { refersTo, unlinkedWhileUnknown } from "../../lib/references";
import { scheduleDays } from "../../lib/rotationSchedule";
import { T } from "../../lib/types";
import { Unknown, type Undecided, resolve, undecidableIfAny } from "../../lib/unknowns";

export interface RotationConfig {
  /** Most days a rotation schedule may leave a secret unchanged. */
  maximumRotationDays: number;
  /** Tag that names who rotates a secret outside Secrets Manager, and how. */
  exemptionTagKey: string;
}

type Report = (message: string, urn: string) => void;

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !(v instanceof Unknown);

/**
 * A rotation's schedule: `automaticallyAfterDays` or `scheduleExpression` within the limit. Only an
 * explicit `rotationEnabled: false` turns it off; the provider computes the flag otherwise (on when
 * rotationRules is set), so during preview an unknown flag is no reason to doubt the schedule.
 */
function checkSchedule(rotation: PolicyResource, max: number, pending: Undecided[], report: Report): void {
  const at = (u: Unknown) => void pending.push({ props: rotation.props, at: u });
  const enabled = resolve(rotation.props, "rotationEnabled");
  if (enabled === false) {
    return report(`Secret rotation ${rotation.name} turns automatic rotation off (rotationEnabled: false); remove that, and give it rotationRules at most ${max} days apart.`, rotation.urn);
  }
  const rules = resolve(rotation.props, "rotationRules");
  if (rules instanceof Unknown) return at(rules);
  const days = isPlain(rules) ? rules.automaticallyAfterDays : undefined;
  const expression = isPlain(rules) ? rules.scheduleExpression : undefined;
  if (days instanceof Unknown) return at(days);
  if (expression instanceof Unknown) return at(expression);
  if (typeof days === "number") {
    if (days > max) report(`Secret rotation ${rotation.name} rotates every ${days} days; set rotationRules.automaticallyAfterDays to at most ${max}.`, rotation.urn);
    return;
  }
  if (typeof expression === "string") {
    const longest = scheduleDays(expression);
    if (longest === undefined) {
      report(`Secret rotation ${rotation.name} has a scheduleExpression "${expression}" that is no repeating Secrets Manager schedule; use rate(<n> days) or cron(0 <hour> <day-of-month> <month> <day-of-week> *) at most ${max} days apart.`, rotation.urn);
    } else if (longest > max) {
      report(`Secret rotation ${rotation.name} can leave the secret unchanged ${longest} days ("${expression}"); rotate at least every ${max} days.`, rotation.urn);
    }
    return;
  }
  report(`Secret rotation ${rotation.name} has no schedule; set rotationRules.automaticallyAfterDays (or scheduleExpression) to at most ${max} days.`, rotation.urn);
}

/**
 * SecretsManager.1 (and the schedule of SecretsManager.4) as a plan can check them. Rotation is a
 * resource of its own, so this is a stack policy: a secret is rotated when an
 * aws.secretsmanager.SecretRotation's secretId names it, by property dependency or by its ARN (its
 * id). During preview the ARN is unknown, but the dependency still links them.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-1
 * https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-4
 */
export const enableRotation: PackStackPolicy = {
  name: "secretsmanager-enable-rotation",
  resourceTypes: [T.secret, T.secretRotation],
  description:
    "Every Secrets Manager secret has automatic rotation: an aws.secretsmanager.SecretRotation names it, and every rotation schedule " +
    "(an RDS-managed secret's too) leaves at most maximumRotationDays between rotations, 90 by default as in SecretsManager.4, so a secret " +
    "that rotates on schedule meets that control as well. One exemption: a secret tagged RotatedBy (exemptionTagKey) with a non-empty value " +
    "naming who rotates it outside Secrets Manager and how, because Secrets Manager rotation needs a Lambda function that can change the " +
    "credential at its source, and a value issued elsewhere (a third-party API key, a token the platform regenerates on request) is rotated there. " +
    "Security Hub still reports such a secret under SecretsManager.1; suppress that finding with the tag's reason.",
  severity: "medium",
  framework: fsbp("SecretsManager.1"),
  relatedControls: ["SecretsManager.4"],
  remediationSteps:
    "Add an aws.secretsmanager.SecretRotation whose secretId is the secret, with a rotationLambdaArn that can change the credential at its source " +
    "and rotationRules.automaticallyAfterDays at most maximumRotationDays; or, where the value is rotated elsewhere, tag the secret " +
    "RotatedBy=<who rotates it and how> (AWS tag value characters: letters, digits, spaces and _ . : / = + - @; at most 256).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maximumRotationDays: {
        type: "integer", minimum: 1, maximum: 365, default: 90,
        description: "Most days a rotation schedule may leave a secret unchanged (SecretsManager.1 maximumAllowedRotationFrequency, 1 to 365; SecretsManager.4 defaults to 90).",
      },
      exemptionTagKey: {
        type: "string", minLength: 1, maxLength: 128, default: "RotatedBy",
        description: "Tag whose non-empty value names who rotates a secret outside Secrets Manager and how; a secret carrying it needs no SecretRotation.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const { maximumRotationDays: max, exemptionTagKey: tagKey } = args.getConfig<RotationConfig>();
    const rotations = args.resources.filter((r) => r.type === T.secretRotation);
    const pending: Undecided[] = [];
    for (const rotation of rotations) checkSchedule(rotation, max, pending, reportViolation);

    // A secretId unknown during preview with no dependency could be any secret's: it decides nothing.
    const unlinked = unlinkedWhileUnknown(rotations, "secretId");
    for (const secret of args.resources.filter((r) => r.type === T.secret)) {
      if (rotations.some((r) => refersTo(r, "secretId", secret))) continue;
      const tags = resolve(secret.props, "tags");
      const rotatedBy = isPlain(tags) ? tags[tagKey] : tags instanceof Unknown ? tags : undefined;
      if (rotatedBy instanceof Unknown) {
        pending.push({ props: secret.props, at: rotatedBy });
      } else if (typeof rotatedBy === "string" && rotatedBy.trim() !== "") {
        continue;
      } else if (unlinked) {
        pending.push({ props: unlinked.props, at: new Unknown(["secretId"]) });
      } else if (rotatedBy !== undefined) {
        reportViolation(`Secret ${secret.name} has an empty ${tagKey} tag and no rotation; name who rotates it outside Secrets Manager and how in that tag, or add an aws.secretsmanager.SecretRotation whose secretId is this secret.`, secret.urn);
      } else {
        reportViolation(`Secret ${secret.name} has no automatic rotation; add an aws.secretsmanager.SecretRotation whose secretId is this secret, at most ${max} days apart, or tag it ${tagKey}=<who rotates it outside Secrets Manager and how>.`, secret.urn);
      }
    }
    undecidableIfAny(pending);
  },
};
