import { readToolSpec, toolConfigProperties } from "../../tool-config";
import type { TNodeTypeDefinition } from "@/lib/graph";
import { NonRetriableError } from "../../errors";
import type { TNodeContext, TNodeImplementation } from "../../node-implementation";

export const CODE_NODE_DEFINITION: TNodeTypeDefinition = {
  type: "core/code",
  version: 1,
  title: "Code",
  category: "data",
  icon: "code",
  description: "Runs JavaScript in the sandbox: `input` in, the returned value out.",
  inputs: [{ id: "in", kind: "data" }],
  outputs: [
    { id: "out", kind: "data" },
    { id: "asTool", label: "as tool", kind: "tool" },
  ],
  configSchema: {
    type: "object",
    required: ["code"],
    properties: {
      code: { type: "string", minLength: 1, maxLength: 100_000, description: "Body of an async function of `input` (as a tool: the model's arguments)" },
      timeoutMs: { type: "integer", minimum: 10, maximum: 300_000, default: 10_000 },
      ...toolConfigProperties({ name: "Name the model calls this tool by", arguments: "JSON Schema of the arguments the model gives" }),
    },
  },
  uiHints: { code: { widget: "code", language: "javascript" } },
  // The code may call the network through host.call("fetch"): replay serves its recorded output.
  sideEffects: "effectful",
};

/** What the Code node needs from the sandbox: a job with a per-job capability handler; its fetches carry `idempotencyKey`. */
export type TCodeRunner = (job: { code: string; input: unknown; timeoutMs: number; signal: AbortSignal; workspaceId: string; idempotencyKey: string }) => Promise<
  { ok: true; output: unknown; logs: string[] } | { ok: false; error: { code: string; message: string } }
>;

/** Built per process with the sandbox pool (plugins/workspace-plugins.ts), since untrusted code never runs in-process. */
export function createCodeNode(runCode: TCodeRunner, workspaceId: string): TNodeImplementation {
  type TRunContext = Pick<TNodeContext, "config" | "signal" | "emit" | "idempotencyKey">;
  async function run(context: TRunContext, input: unknown): Promise<unknown> {
    const { config, signal, idempotencyKey } = context;
    const result = await runCode({ code: String(config.code ?? ""), input, timeoutMs: Number(config.timeoutMs ?? 10_000), signal, workspaceId, idempotencyKey });
    if (!result.ok) {
      const message = `Code: ${result.error.message}`;
      throw result.error.code === "RUNTIME" ? new NonRetriableError(message) : new Error(message);
    }
    result.logs.forEach((line) => context.emit("node.log", { level: "info", message: line }));
    return result.output;
  }
  return {
    definition: CODE_NODE_DEFINITION,
    async execute(context) {
      return { kind: "outputs", outputs: { out: await run(context, context.inputs.in) } };
    },
    attachment: {
      tools: {
        list: async ({ config }) => [readToolSpec(config, { name: "run_code", description: "Runs a JavaScript function on the arguments", inputSchema: { type: "object" } })],
        call: async (context, _name, args) => ({ output: await run(context, args) }),
      },
    },
  };
}
