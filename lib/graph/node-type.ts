// Node type definitions: what a plugin (the built-in `core` included) declares for each node it contributes.
// The editor draws ports and config forms from them; validation and the runtime check graphs against them.

export const PORT_KINDS = ["data", "tool", "model", "memory", "control"] as const;
/**
 * - data: messages flow along the edge and activate the target.
 * - tool / model / memory: the source node is *attached* to the target (an Agent) and invoked by it, never activated
 *   by messages.
 * - control: ordering only; the target waits for the source to finish, the payload is ignored.
 */
export type TPortKind = (typeof PORT_KINDS)[number];

/** A JSON Schema (draft 2020-12 subset). Kept as plain data: lib/ never compiles it to code. */
export type TJsonSchema = { [keyword: string]: unknown };

export type TPortDefinition = {
  id: string;
  label?: string;
  kind: TPortKind;
  /** Payload schema of a data port; absent means any JSON value. */
  schema?: TJsonSchema;
  /**
   * Input ports only (default true for data). A required input must be wired (validation), and a skip marker on it
   * skips the node. It never decides when the node runs: a node waits for every wired input, required or not.
   */
  isRequired?: boolean;
  /** Input ports only: may take more than one incoming edge (e.g. an Agent's tools). */
  acceptsMany?: boolean;
};

export type TNodeCategory = "io" | "flow" | "data" | "human" | "ai" | "tool" | "trigger" | "test";

export type TNodeTypeDefinition = {
  /** `<pluginId>/<nodeType>`, e.g. `core/branch`. */
  type: string;
  version: number;
  title: string;
  category: TNodeCategory;
  /** An icon name from the editor's icon set. */
  icon: string;
  /** One line for the palette. */
  description: string;
  inputs: TPortDefinition[];
  outputs: TPortDefinition[];
  /** JSON Schema of `node.config`; `required` names the settings a node cannot run without. */
  configSchema: TJsonSchema;
  /** Hints for the generated config form (widget per field, order, placeholders). */
  uiHints?: Record<string, unknown>;
  /**
   * `effectful`: results come from the outside world (model, HTTP, time); the runtime records them and replay serves
   * the record. `pure`: same input, same output; replay may re-execute it.
   */
  sideEffects: "pure" | "effectful";
  /**
   * Inputs through which this node closes a cycle: a Loop's `continue`, a Map's `result`. Such a node bounds the cycle
   * itself (max iterations, item count); every other cycle is invalid.
   */
  cycleInputs?: string[];
};

export type TNodeTypeRegistry = {
  get(type: string): TNodeTypeDefinition | undefined;
  list(): TNodeTypeDefinition[];
};

/** A registry over a fixed list of definitions; later type wins for a duplicate id. */
export function createNodeTypeRegistry(definitions: readonly TNodeTypeDefinition[]): TNodeTypeRegistry {
  const byType = new Map(definitions.map((definition) => [definition.type, definition]));
  return {
    get: (type) => byType.get(type),
    list: () => [...byType.values()],
  };
}

export function isInputRequired(port: TPortDefinition): boolean {
  return port.isRequired ?? port.kind === "data";
}
