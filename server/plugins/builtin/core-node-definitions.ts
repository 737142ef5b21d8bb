import { GROUP_NODE_DEFINITION } from "@/lib/graph/group-node";
import { AGENT_NODE_DEFINITIONS } from "../../agents";
import { CORE_NODE_DEFINITIONS } from "../../runtime/nodes/core";

/**
 * Every node type of the built-in `core` plugin: control nodes, the Code node, the editor's Group frame (known to
 * validation, never run) and the AI nodes.
 */
export const ALL_CORE_NODE_DEFINITIONS = [...CORE_NODE_DEFINITIONS, GROUP_NODE_DEFINITION, ...AGENT_NODE_DEFINITIONS];
