export { isWorkspaceFile, type TConfigFiles, type TParseResult } from "./config-files";
export { isOpenClawConfigType, OPENCLAW_CONFIG_NODE_TYPES, OPENCLAW_CONFIG_TYPES } from "./config-node-types";
export { exportGraphToConfig, type TOpenClawExport } from "./export-graph-to-config";
export { importConfigToGraph, type TOpenClawImport } from "./import-config-to-graph";
export { listUnknownKeys } from "./list-unknown-keys";
export { parseOpenClawConfig } from "./parse-openclaw-config";
export { importOpenClawFiles } from "./import-openclaw-files";
export { describeConfigNode } from "./describe-config-node";
export { gatewayGraphTargets, listGraphAgentIds, type TGatewayGraphTargets } from "./gateway-graph-targets";
