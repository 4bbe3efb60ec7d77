/**
 * The mock cloud behind pulumi.runtime.setMocks: realistic ids and ARNs, the invokes the program
 * uses, output shapes for remote components, and AWS name-length limits on auto-named resources.
 */
import type * as pulumi from "@pulumi/pulumi";
import { COMPONENT_SHAPES } from "./componentShapes";
import { MOCK_ACCOUNT_ID, UNKNOWN, autoname, uuid } from "./ids";
import { INVOKES } from "./invokes";
import { Ctx, GENERIC, SHAPES } from "./resourceShapes";


export { UNKNOWN } from "./ids";

/** A stack a StackReference may read: its outputs, and which of them are secret. */
export interface ReferencedStack {
  outputs: Record<string, unknown>;
  secretOutputNames: string[];
}

/** The engine's type of a StackReference, which a program reads rather than creates. */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

export class MockCloud implements pulumi.runtime.Mocks {
  /** Region of each explicit provider, by provider id (a provider reference is "<urn>::<id>"). */
  private readonly providerRegions = new Map<string, string>();

  /**
   * @param preview answer as a `pulumi preview` of a new stack does: the provider plans each
   * resource from its inputs (auto-names included, since the provider's Check computes them),
   * while ids and every computed output (ARNs, key ids) stay unknown until apply; a remote
   * component's outputs, built from its children, are unknown too.
   */
  constructor(
    private readonly defaultRegion: string,
    private readonly preview = false,
    /** Stacks StackReferences may read, by fully qualified name; any other reads as a stack with no outputs. */
    private readonly stacks: Record<string, ReferencedStack> = {},
  ) {}

  regionOf(providerRef: string | undefined): string {
    const id = providerRef?.split("::").pop();
    return (id && this.providerRegions.get(id)) || this.defaultRegion;
  }

  newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
    const inputs = { ...args.inputs };
    // A StackReference reads another stack's outputs, known in preview as in an update.
    if (args.type === STACK_REFERENCE_TYPE) {
      const stack = this.stacks[inputs.name] ?? { outputs: {}, secretOutputNames: [] };
      return { id: inputs.name, state: { name: inputs.name, outputs: stack.outputs, secretOutputNames: stack.secretOutputNames } };
    }
    if (args.type.startsWith("pulumi:providers:")) {
      const id = uuid(`provider:${args.type}:${args.name}`);
      this.providerRegions.set(id, inputs.region ?? this.defaultRegion);
      return { id, state: inputs };
    }
    const ctx: Ctx = { region: inputs.region ?? this.regionOf(args.provider), account: MOCK_ACCOUNT_ID };
    if (!args.custom) {
      const shape = COMPONENT_SHAPES[args.type];
      // A component's state is its outputs, never its arguments: that is what a real run shows.
      const outputs = shape ? shape(args.name, inputs, ctx) : {};
      return { id: undefined, state: this.preview ? unknownValues(outputs) : outputs };
    }
    const shape = SHAPES[args.type] ?? GENERIC;
    if (shape.nameProp && inputs[shape.nameProp] === undefined && inputs[`${shape.nameProp}Prefix`] === undefined) {
      inputs[shape.nameProp] = autoname(args.name);
    }
    const physical = shape.nameProp ? inputs[shape.nameProp] : undefined;
    if (shape.nameLimit && typeof physical === "string" && physical.length > shape.nameLimit) {
      throw new Error(`${args.type} ${args.name}: AWS rejects the name "${physical}" (${physical.length} characters; the limit is ${shape.nameLimit})`);
    }
    const rejected = shape.reject?.(inputs);
    if (rejected) throw new Error(`${args.type} ${args.name}: ${rejected}`);
    const id = shape.id(physical ?? args.name, inputs, ctx);
    const computed = { id, ...(shape.extra ? shape.extra(id, physical ?? args.name, inputs, ctx) : {}) };
    // An empty id is how the engine tells the SDK an id is unknown.
    if (this.preview) return { id: undefined, state: { ...inputs, ...unknownValues(computed) } };
    return { id, state: { ...inputs, ...computed } };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
    const region = args.inputs.region ?? this.regionOf(args.provider);
    const answer = INVOKES[args.token];
    // An unanswered invoke would silently return {}, and the program would build on nothing.
    if (!answer) throw this.failed(new Error(`the mock cloud does not answer ${args.token}; add it to offline/invokes.ts`));
    try {
      return answer(args.inputs, { region, account: MOCK_ACCOUNT_ID });
    } catch (e) {
      throw this.failed(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /**
   * Errors the mock cloud raised in invokes. The SDK passes an invoke's failure on with its message
   * emptied ('error serializing property "x": '), so the run reports these instead.
   */
  readonly invokeFailures: Error[] = [];

  private failed(error: Error): Error {
    this.invokeFailures.push(error);
    return error;
  }
}

/** Every top-level value replaced by the unknown marker. */
function unknownValues(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(values).map((k) => [k, UNKNOWN]));
}
