/**
 * The data components' checks against AWS's lists for the region they deploy into (aws/checks.ts),
 * for callers that build them directly; the stack config runs the same checks keyed by stack keys
 * (stacks/config/awsValues.ts). The region is known only when the caller says it (account.region,
 * or the AZ names): a component that learns it from its provider leaves the check to AWS. Pure.
 */
import { cacheNodeTypeProblem, mqInstanceTypeProblem, rdsPostgresClassProblem } from "../aws/checks";
import { regionOfAz } from "../aws/facts";
import { SettingProblem, valueProblem } from "../settings";
import { postgresVersionProblem } from "./postgres";

/** The region the caller's arguments name: account.region, else that of the first AZ name. */
export function regionOfArgs(args: { account?: { region: string }; availabilityZones?: readonly string[] }): string | undefined {
  return args.account?.region ?? (args.availabilityZones?.[0] ? regionOfAz(args.availabilityZones[0]) : undefined);
}

/** The class must be offered for the PostgreSQL major in the region (judged once the version is right). */
export function databaseRegionProblems(region: string | undefined, s: { engineVersion: string; instanceClass: string }): SettingProblem[] {
  if (!region || postgresVersionProblem(s.engineVersion)) return [];
  const p = rdsPostgresClassProblem(region, s.engineVersion.split(".")[0], s.instanceClass);
  return p ? [valueProblem("instanceClass", s.instanceClass, p)] : [];
}

export function cacheRegionProblems(region: string | undefined, s: { nodeType: string }): SettingProblem[] {
  const p = region ? cacheNodeTypeProblem(region, s.nodeType) : undefined;
  return p ? [valueProblem("nodeType", s.nodeType, p)] : [];
}

export function rabbitMqRegionProblems(region: string | undefined, r: { instanceType: string }): SettingProblem[] {
  const p = region ? mqInstanceTypeProblem(region, r.instanceType) : undefined;
  return p ? [valueProblem("rabbitmq.instanceType", r.instanceType, p)] : [];
}
