"use client";

import type { TGraphNode } from "@/lib/graph";
import { SCHEDULE_NODE_TYPE, WEBHOOK_NODE_TYPE } from "@/lib/triggers/trigger-config";
import { ScheduleExtra } from "./inspector-extras/schedule-extra";
import { WebhookExtra } from "./inspector-extras/webhook-extra";
import { McpToolsExtra } from "./inspector-extras/mcp-tools-extra";

/** What a node-type section of the inspector gets: the node, where it lives, and a way to change it (one undo step). */
export type TInspectorExtraProps = {
  node: TGraphNode;
  workspaceId: string;
  graphId: string;
  isReadOnly: boolean;
  onChange: (node: TGraphNode) => void;
};

/**
 * Sections the generated config form cannot express, by node type: they talk to the server (a webhook's URL, an MCP
 * server's tools to approve). Each lives in its own file under `inspector-extras/`.
 */
const EXTRAS: Record<string, React.ComponentType<TInspectorExtraProps>> = {
  "core/mcp-tools": McpToolsExtra,
  [WEBHOOK_NODE_TYPE]: WebhookExtra,
  [SCHEDULE_NODE_TYPE]: ScheduleExtra,
};

export function InspectorExtras(props: TInspectorExtraProps) {
  const Extra = EXTRAS[props.node.type];
  return Extra ? <Extra {...props} /> : null;
}
