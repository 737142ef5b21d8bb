import { createNodeImplementations, type TNodeImplementations } from "../node-implementation";
import { CORE_NODES } from "./core";

/** The built-in node types, the same in every workspace (plugins add theirs per workspace: plugins/workspace-plugins.ts). */
export const STUDIO_NODE_IMPLEMENTATIONS: TNodeImplementations = createNodeImplementations(CORE_NODES);
