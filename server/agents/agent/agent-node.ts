// The Agent node: activated by a message on `in`, or invoked as another agent's tool (delegation through `asTool`).
import type { TToolSpec } from "../../runtime/attached-contract";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import { readToolSpec } from "../../runtime/tool-config";
import { AGENT_NODE_DEFINITION } from "./agent-definition";
import { runAgentLoop } from "./run-agent-loop";

const TASK_SCHEMA = { type: "object", properties: { task: { type: "string", description: "What to do, in full sentences" } }, required: ["task"] };

export const agentNode: TNodeImplementation = {
  definition: AGENT_NODE_DEFINITION,
  async execute(context) {
    const answer = await runAgentLoop({ ...context, emitToken: (chunk) => context.emit("node.output_chunk", { chunk }) }, context.inputs.in);
    return { kind: "outputs", outputs: { out: answer }, usage: { tokens: answer.usage.tokens, costUsd: answer.usage.costUsd } };
  },
  attachment: {
    tools: {
      // The arguments are always a task: a delegated agent reads a message, whatever the config says.
      list: async ({ config, nodeId }): Promise<TToolSpec[]> => [
        { ...readToolSpec(config, { name: `ask_${nodeId}`, description: `Delegates a task to the agent ${nodeId} and returns its answer.`, inputSchema: TASK_SCHEMA }), inputSchema: TASK_SCHEMA },
      ],
      async call(context, _name, args) {
        const task = typeof args === "object" && args !== null && "task" in args ? (args as { task: unknown }).task : args;
        const answer = await runAgentLoop({ ...context, emitToken: (chunk) => context.emit("node.output_chunk", { chunk }) }, task);
        return { output: answer.text, usage: { tokens: answer.usage.tokens, costUsd: answer.usage.costUsd } };
      },
    },
  },
};
