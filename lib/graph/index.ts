export * from "./spec";
export * from "./limits";
export * from "./problem";
export * from "./validate-graph-spec";
export * from "./ports-of-node";
export * from "./canonical-json";
export * from "./graph-name";
