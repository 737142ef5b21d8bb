import { AGENT_NODE_DEFINITIONS } from "../../agents";
import { CORE_NODE_DEFINITIONS } from "../../runtime/nodes/core";

/** Every node type of the built-in `core` plugin: control nodes, the Code node and the AI nodes. */
export const ALL_CORE_NODE_DEFINITIONS = [...CORE_NODE_DEFINITIONS, ...AGENT_NODE_DEFINITIONS];
