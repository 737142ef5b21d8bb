import type { TNodeImplementation } from "../../node-implementation";
import { approvalNode } from "./approval";
import { branchNode } from "./branch";
import { delayNode } from "./delay";
import { inputNode } from "./input";
import { loopNode } from "./loop";
import { mapNode } from "./map";
import { mergeNode } from "./merge";
import { outputNode } from "./output";
import { scheduleNode } from "./schedule";
import { subgraphNode } from "./subgraph";
import { templateNode } from "./template";
import { transformNode } from "./transform";
import { webhookNode } from "./webhook";

import { CODE_NODE_DEFINITION } from "./code";

/** The control and trigger node types of the built-in `core` plugin (the Code node is built with the sandbox: see code.ts). */
export const CORE_NODES: readonly TNodeImplementation[] = [inputNode, outputNode, templateNode, transformNode, branchNode, mergeNode, delayNode, approvalNode, mapNode, loopNode, subgraphNode, webhookNode, scheduleNode];

/** Every node type of the `core` plugin, the Code node included. */
export const CORE_NODE_DEFINITIONS = [...CORE_NODES.map((node) => node.definition), CODE_NODE_DEFINITION];
