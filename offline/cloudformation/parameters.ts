/**
 * Values a template cannot hold: secrets (Pulumi secret values) become NoEcho parameters, values
 * unknown until apply (a preview's unknown marker) become plain parameters.
 */
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "../ids";
import { isIntrinsic } from "./references";
import type { Props } from "./types";

const isSecret = (v: unknown): v is { value: unknown } =>
  !!v && typeof v === "object" && (v as Props)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig;

/** `inputs` with every secret envelope opened, and the secret strings found inside them. */
export function openSecrets(inputs: unknown, found: Set<string> = new Set()): { value: any; secrets: Set<string> } {
  const open = (v: unknown, secret: boolean): unknown => {
    if (isSecret(v)) return open(v.value, true);
    if (typeof v === "string" && secret) found.add(v);
    if (Array.isArray(v)) return v.map((x) => open(x, secret));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, open(x, secret)]));
    return v;
  };
  return { value: open(inputs, false), secrets: found };
}

export class TemplateParameters {
  readonly declared: Record<string, Props> = {};
  private readonly byValue = new Map<string, string>();

  private declare(prefix: string, value: string, definition: Props): Props {
    let name = this.byValue.get(`${prefix}:${value}`);
    if (!name) {
      name = `${prefix}${Object.keys(this.declared).length + 1}`;
      this.declared[name] = definition;
      this.byValue.set(`${prefix}:${value}`, name);
    }
    return { Ref: name };
  }

  /** `props` with each secret string and each unknown value replaced by a reference to a parameter. */
  replace(props: unknown, secrets: Set<string>, where: string): any {
    if (typeof props === "string") {
      if (secrets.has(props)) return this.declare("Secret", props, { Type: "String", NoEcho: true, Description: `A secret of ${where}` });
      if (props === UNKNOWN) return this.declare("Unknown", `${where}#${Object.keys(this.declared).length}`, { Type: "String", Description: `Known only after apply: ${where}` });
      return props;
    }
    if (Array.isArray(props)) return props.map((p) => this.replace(p, secrets, where));
    if (!props || typeof props !== "object" || isIntrinsic(props)) return props;
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, this.replace(v, secrets, where)]));
  }
}
