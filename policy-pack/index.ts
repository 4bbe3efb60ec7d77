import { PolicyPack } from "@pulumi/policy";
import { PACK_ENFORCEMENT_LEVEL, policies } from "./policies";

/** Served to the Pulumi CLI by `--policy-pack policy-pack`. Enforcement per profile: config/<profile>.json. */
new PolicyPack("aws-platform", { enforcementLevel: PACK_ENFORCEMENT_LEVEL, policies });
