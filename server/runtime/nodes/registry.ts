import { createNodeTypeRegistry, type TNodeTypeRegistry } from "@/lib/graph";
import { createNodeImplementations, type TNodeImplementations } from "../node-implementation";
import { CORE_NODES } from "./core";

/** Every node type this studio can execute. The Plugin platform issue will feed this from installed plugins. */
export const STUDIO_NODE_IMPLEMENTATIONS: TNodeImplementations = createNodeImplementations(CORE_NODES);

export const STUDIO_NODE_TYPES: TNodeTypeRegistry = createNodeTypeRegistry(CORE_NODES.map((node) => node.definition));
