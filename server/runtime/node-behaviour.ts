// What a replay through another version compares to decide whether a node acts as it did in the source run.
import { toCanonicalJson, type TGraphSpec } from "@/lib/graph";

/**
 * A node as it acts, in canonical JSON: its type, type version, config, pinned output, retry and timeout (not its id,
 * label, position or group), and the same of every node attached to it (its model, tools, memory, and theirs) by port
 * in edge order. `attachmentPorts(type)`: the input ports of a node type that take attached nodes (neither data nor
 * control). Null when the spec has no such node.
 */
export function describeNodeBehaviour(spec: TGraphSpec, nodeId: string, attachmentPorts: (type: string) => readonly string[]): string | null {
  const describe = (id: string, seen: ReadonlySet<string>): unknown => {
    const node = spec.nodes.find((candidate) => candidate.id === id);
    if (!node) return null;
    const { id: _id, label: _label, position: _position, group: _group, ...behaviour } = node;
    // Validation refuses cycles of attachments; the guard keeps a hand-made spec from recursing forever.
    if (seen.has(id)) return behaviour;
    const inner = new Set([...seen, id]);
    const attached = attachmentPorts(node.type).map((port) => [
      port,
      spec.edges.filter((edge) => edge.target.node === id && edge.target.port === port).map((edge) => [edge.source.port, describe(edge.source.node, inner)]),
    ]);
    return { ...behaviour, attached };
  };
  return spec.nodes.some((node) => node.id === nodeId) ? toCanonicalJson(describe(nodeId, new Set())) : null;
}
