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
      code: {
        type: "string",
        title: "JavaScript",
        minLength: 1,
        maxLength: 100_000,
        description: "The body of an async function of `input`; what it returns is the node's output",
        examples: ["return { words: String(input.text ?? '').split(/\\s+/).filter(Boolean).length };"],
      },
      timeoutMs: { type: "integer", title: "Time limit (ms)", minimum: 10, maximum: 300_000, default: 10_000, description: "The code is stopped after this long and the step fails" },
      ...toolConfigProperties({ name: "Name the model calls this tool by", arguments: "JSON Schema of the arguments the model gives" }),
    },
  },
  uiHints: {
    code: {
      widget: "code",
      language: "javascript",
      globals: {
        input: "The message on the `in` port; as an agent's tool, the model's arguments (an object shaped by Tool arguments)",
        "console.log(...)": "Writes a line to the run's log",
        'await host.call("fetch", { url, method, headers, body })': "HTTP through the workspace's egress allowlist; {{secret:NAME}} in headers is filled in on the server",
      },
    },
  },
  // The code may call the network through host.call("fetch"): replay serves its recorded output.
  sideEffects: "effectful",
};

/** What the Code node needs from the sandbox: a job with a per-job capability handler; its fetches carry `idempotencyKey` and `traceparent`. */
export type TCodeRunner = (job: { code: string; input: unknown; timeoutMs: number; signal: AbortSignal; workspaceId: string; idempotencyKey: string; traceparent: string }) => Promise<
  { ok: true; output: unknown; logs: string[] } | { ok: false; error: { code: string; message: string } }
>;

/** Built per process with the sandbox pool (plugins/workspace-plugins.ts), since untrusted code never runs in-process. */
export function createCodeNode(runCode: TCodeRunner, workspaceId: string): TNodeImplementation {
  type TRunContext = Pick<TNodeContext, "config" | "signal" | "emit" | "idempotencyKey" | "traceparent">;
  async function run(context: TRunContext, input: unknown): Promise<unknown> {
    const { config, signal, idempotencyKey, traceparent } = context;
    const result = await runCode({ code: String(config.code ?? ""), input, timeoutMs: Number(config.timeoutMs ?? 10_000), signal, workspaceId, idempotencyKey, traceparent });
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
