import { readToolSpec, toolConfigProperties } from "../../tool-config";
import { NonRetriableError } from "../../errors";
import type { TChildRunResult, TNodeImplementation, TNodeResult } from "../../node-implementation";

function toOutputs(result: TChildRunResult): TNodeResult {
  if (result.status === "succeeded") return { kind: "outputs", outputs: { out: result.output } };
  const message = (result.error as { message?: string } | null)?.message ?? result.status;
  throw new NonRetriableError(`The sub-graph run ${result.status}: ${message}`);
}

/** Runs another graph of the workspace as a child run (durably: the parent parks until the child ends). */
export const subgraphNode: TNodeImplementation = {
  definition: {
    type: "core/subgraph",
    version: 1,
    title: "Sub-graph",
    category: "flow",
    icon: "workflow",
    description: "Runs another graph with this input and returns its output.",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [
      { id: "out", kind: "data" },
      { id: "asTool", label: "as tool", kind: "tool" },
    ],
    configSchema: {
      type: "object",
      required: ["graphId"],
      properties: {
        graphId: { type: "string", title: "Graph", minLength: 1, description: "The id of the graph to run (the last part of its address)" },
        version: {
          title: "Version",
          anyOf: [
            { type: "integer", minimum: 1, title: "A version number" },
            { enum: ["latest", "draft"], title: "The latest or the draft" },
          ],
          default: "latest",
          description: "Which version of that graph runs",
        },
        ...toolConfigProperties({ name: "Name the model calls this graph by", arguments: "JSON Schema of the arguments the model gives (the sub-graph's input)" }),
      },
    },
    uiHints: { graphId: { widget: "graph-picker" } },
    // Its child may call models and tools: replay serves the recorded output instead of starting a child again.
    sideEffects: "effectful",
  },
  async execute(context) {
    const version = (context.config.version ?? "latest") as number | "latest" | "draft";
    const child = await context.startChildRun({ graphId: String(context.config.graphId), version, input: context.inputs.in });
    if (child.finished) return toOutputs(child.finished);
    return { kind: "wait", wait: { kind: "subgraph", childRunId: child.runId } };
  },
  resume(_context, resolution) {
    if (resolution.kind !== "child-finished") throw new Error(`A sub-graph cannot be resolved by ${resolution.kind}`);
    return toOutputs(resolution);
  },
  attachment: {
    // As an agent's tool the step cannot park (the model's next turn needs the answer): the child runs while it waits.
    tools: {
      list: async ({ config }) => [readToolSpec(config, { name: "run_graph", description: "Runs a workflow with the arguments as its input", inputSchema: { type: "object" } })],
      async call(context, _name, args) {
        const version = (context.config.version ?? "latest") as number | "latest" | "draft";
        const result = await context.runGraph({ graphId: String(context.config.graphId), version, input: args });
        const outputs = toOutputs(result);
        return { output: outputs.kind === "outputs" ? outputs.outputs.out : null };
      },
    },
  },
};
