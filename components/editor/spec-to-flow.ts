import type { Edge, Node } from "@xyflow/react";
import { describeSchemaType, getPortsOfNode, type TGraphEdge, type TGraphNode, type TGraphSpec, type TNodeCategory, type TNodeTypeDefinition, type TNodeTypeRegistry, type TPortDefinition, type TPortKind } from "@/lib/graph";
import { getGroupSize, isGroupNode } from "@/lib/graph/group-node";
import { isOpenClawConfigType } from "@/lib/openclaw-config/config-node-types";
import { describeConfigNode } from "@/lib/openclaw-config/describe-config-node";

/** A port as a node draws it: its name on the card, its kind (the handle's look) and its type (on hover). */
export type TPortView = { id: string; label: string; kind: TPortKind; typeLabel: string };
export type TDiffStatus = "added" | "changed" | "moved";
export type TStudioNodeData = {
  label: string;
  nodeType: string;
  /** The node type's title ("Agent"), or its id when the type is unknown. */
  typeTitle: string;
  /** The node type's category and icon name; undefined for an unknown type. */
  category: TNodeCategory | undefined;
  icon: string | undefined;
  inputs: TPortView[];
  outputs: TPortView[];
  isDisabled: boolean;
  isKnownType: boolean;
  problemCount: number;
  /** Set while comparing with a version: how this node differs from it. */
  diffStatus?: TDiffStatus;
  /** An openclaw.json node's settings at a glance (model, skills, tool policy, sandbox, identity ...). */
  summary?: string[];
};
export type TGroupFrameData = { label: string; problemCount: number; diffStatus?: TDiffStatus };
export type TStudioNode = Node<TStudioNodeData, "studio">;
/** A Group node: React Flow's parent of its members, so they move with it. */
export type TGroupFrameNode = Node<TGroupFrameData, "group-frame">;
export type TCanvasNode = TStudioNode | TGroupFrameNode;

const NO_REGISTRY: TNodeTypeRegistry = { get: () => undefined, list: () => [] };

type TTypeView = Pick<TStudioNodeData, "typeTitle" | "category" | "icon" | "inputs" | "outputs" | "isKnownType">;

// One view per node type: nodes of a type share it, so unchanged node data compares equal by reference.
const viewOfType = new WeakMap<TNodeTypeDefinition, TTypeView>();

/** What a node shows of its type: title, category, icon and ports; for an unknown type, the ports its edges use. */
export function getTypeView(node: TGraphNode, spec: TGraphSpec, registry: TNodeTypeRegistry): TTypeView {
  const definition = registry.get(node.type);
  if (definition) {
    const cached = viewOfType.get(definition);
    if (cached) return cached;
    const port = (port: TPortDefinition): TPortView => ({
      id: port.id,
      label: port.label ?? port.id,
      kind: port.kind,
      typeLabel: port.kind === "data" ? describeSchemaType(port.schema) : port.kind,
    });
    const view = { typeTitle: definition.title, category: definition.category, icon: definition.icon, inputs: definition.inputs.map(port), outputs: definition.outputs.map(port), isKnownType: true };
    viewOfType.set(definition, view);
    return view;
  }
  const ports = getPortsOfNode(node.id, spec.edges);
  const untyped = (id: string): TPortView => ({ id, label: id, kind: "data", typeLabel: "any" });
  return { typeTitle: node.type, category: undefined, icon: undefined, inputs: ports.inputs.map(untyped), outputs: ports.outputs.map(untyped), isKnownType: false };
}

/** What a canvas node draws for a spec node: a frame's label, or a node's label, type, icon, ports and marks. */
export function toNodeData(node: TGraphNode, spec: TGraphSpec, registry: TNodeTypeRegistry = NO_REGISTRY, problemCount = 0, diffStatus?: TDiffStatus): TCanvasNode["data"] {
  if (isGroupNode(node)) return { label: node.label || node.id, problemCount, diffStatus };
  const summary = isOpenClawConfigType(node.type) ? { summary: describeConfigNode(node) } : {};
  return { label: node.label || node.id, nodeType: node.type, isDisabled: node.disabled ?? false, problemCount, diffStatus, ...summary, ...getTypeView(node, spec, registry) };
}

/** A node outside any group (a group's member also needs its frame: see specToFlow). */
export function toStudioNode(node: TGraphNode, spec: TGraphSpec, registry: TNodeTypeRegistry = NO_REGISTRY): TStudioNode {
  return { id: node.id, type: "studio", position: node.position, data: toNodeData(node, spec, registry) as TStudioNodeData };
}

/**
 * Graph spec -> React Flow nodes and edges. Pure, so the canvas and its tests share it. Frames come first (React Flow
 * needs a parent before its children); a member's absolute spec position becomes one relative to its frame, and the
 * frame grows when a member is dragged against its edge.
 */
export function specToFlow(spec: TGraphSpec, registry: TNodeTypeRegistry = NO_REGISTRY): { nodes: TCanvasNode[]; edges: Edge[] } {
  const groups = new Map(spec.nodes.filter(isGroupNode).map((node) => [node.id, node]));
  const frames: TGroupFrameNode[] = [...groups.values()].map((node) => ({
    id: node.id,
    type: "group-frame",
    position: node.position,
    ...getGroupSize(node),
    data: toNodeData(node, spec, registry) as TGroupFrameData,
  }));
  const members: TStudioNode[] = spec.nodes.flatMap((node) => {
    if (isGroupNode(node)) return [];
    const flowNode = toStudioNode(node, spec, registry);
    const group = node.group === undefined ? undefined : groups.get(node.group);
    if (!group) return [flowNode];
    const position = { x: node.position.x - group.position.x, y: node.position.y - group.position.y };
    return [{ ...flowNode, position, parentId: group.id, expandParent: true }];
  });
  return { nodes: [...frames, ...members], edges: spec.edges.map(toFlowEdge) };
}

export function toFlowEdge(edge: TGraphEdge): Edge {
  return { id: edge.id, source: edge.source.node, sourceHandle: edge.source.port, target: edge.target.node, targetHandle: edge.target.port };
}

type TCanvasLayout = Pick<TCanvasNode, "id" | "position" | "parentId" | "width" | "height">;

/**
 * The spec with the canvas's layout written back: absolute node positions (a member's is relative to its frame on
 * the canvas) and frame sizes (a frame grows when a member is dragged against its edge). Everything else stays.
 */
export function applyCanvasLayout(spec: TGraphSpec, nodes: readonly TCanvasLayout[]): TGraphSpec {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return {
    ...spec,
    nodes: spec.nodes.map((node) => {
      const canvas = byId.get(node.id);
      if (!canvas) return node;
      const parent = canvas.parentId ? byId.get(canvas.parentId)?.position : undefined;
      const position = { x: Math.round(canvas.position.x + (parent?.x ?? 0)), y: Math.round(canvas.position.y + (parent?.y ?? 0)) };
      const isMoved = position.x !== node.position.x || position.y !== node.position.y;
      const moved = isMoved ? { ...node, position } : node;
      if (!isGroupNode(node) || canvas.width === undefined || canvas.height === undefined) return moved;
      const size = getGroupSize(node);
      const width = Math.round(canvas.width);
      const height = Math.round(canvas.height);
      return width === size.width && height === size.height ? moved : { ...moved, config: { ...node.config, width, height } };
    }),
  };
}
