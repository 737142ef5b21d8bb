// The AI node types of the `core` plugin: Agent, model providers, tools, memory. Definitions are static (palette,
// validation); implementations are built per run with the services of its workspace (agent-services.ts).
import type { TNodeImplementation } from "../runtime/node-implementation";
import { agentNode } from "./agent/agent-node";
import type { TAgentServices } from "./agent-services";
import { MCP_TOOLS_NODE_DEFINITION } from "./mcp/mcp-tools-definition";
import { createMcpToolsNode } from "./mcp/mcp-tools-node";
import { createMemoryNode, MEMORY_NODE_DEFINITION } from "./memory/memory-node";
import { ANTHROPIC_MODEL_NODE_DEFINITION, createAnthropicModelNode } from "./providers/anthropic-model";
import { createOpenAiModelNode, OPENAI_MODEL_NODE_DEFINITION } from "./providers/openai-model";
import { scriptedModelNode } from "./providers/scripted-model";
import { HTTP_REQUEST_NODE_DEFINITION } from "./tools/http-request-definition";
import { createHttpRequestNode } from "./tools/http-request-node";

export type { TAgentServices, TMemoryStore } from "./agent-services";

export const AGENT_NODE_DEFINITIONS = [agentNode.definition, scriptedModelNode.definition, OPENAI_MODEL_NODE_DEFINITION, ANTHROPIC_MODEL_NODE_DEFINITION, MEMORY_NODE_DEFINITION, HTTP_REQUEST_NODE_DEFINITION, MCP_TOOLS_NODE_DEFINITION];

export function createAgentNodes(services: TAgentServices): TNodeImplementation[] {
  return [agentNode, scriptedModelNode, createOpenAiModelNode(services), createAnthropicModelNode(services), createMemoryNode(services.memory), createHttpRequestNode(services), createMcpToolsNode(services)];
}
