/**
 * The ECR repositories' settings, shared by both engines of the container tier (EKS Workloads and
 * EcsServices create one repository per service; the platform's stacks set them once, as
 * `platform:cluster.registry`). Pure.
 */
import type { RegistrySettings } from "./cluster/workloads";
import type { Profile } from "./profiles";
import { SettingProblem, intRange } from "./settings";

export type { RegistrySettings };

/**
 * dev keeps few images and lets a tag be pushed again (fast iteration); staging and prod make tags
 * immutable, so a deployed tag always names one image (FSBP ECR.2), and keep more history to roll
 * back to. https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
 */
export const REGISTRY_PRESETS: Record<Profile, RegistrySettings> = {
  dev: { immutableTags: false, keepImages: 20, untaggedExpiryDays: 7 },
  staging: { immutableTags: true, keepImages: 50, untaggedExpiryDays: 14 },
  prod: { immutableTags: true, keepImages: 100, untaggedExpiryDays: 14 },
};

/**
 * ECR's lifecycle bounds as the platform holds them: count numbers are integers of at least 1; the
 * platform keeps at most 1000 images and untagged ones at most a year.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
 */
export function registryProblems(r: RegistrySettings): SettingProblem[] {
  return [
    ...intRange("registry.keepImages", r.keepImages, 1, 1000, "tagged images kept per repository"),
    ...intRange("registry.untaggedExpiryDays", r.untaggedExpiryDays, 1, 365, "days an untagged image is kept"),
  ];
}
