import type { TNodeImplementation } from "../../node-implementation";
import { approvalNode } from "./approval";
import { branchNode } from "./branch";
import { delayNode } from "./delay";
import { inputNode } from "./input";
import { loopNode } from "./loop";
import { mapNode } from "./map";
import { mergeNode } from "./merge";
import { outputNode } from "./output";
import { subgraphNode } from "./subgraph";
import { templateNode } from "./template";
import { transformNode } from "./transform";

/** The control node types of the built-in `core` plugin. */
export const CORE_NODES: readonly TNodeImplementation[] = [inputNode, outputNode, templateNode, transformNode, branchNode, mergeNode, delayNode, approvalNode, mapNode, loopNode, subgraphNode];
