import { isGroupNode } from "../group-node";
import type { TGraphProblem } from "../problem";
import type { TGraphSpec } from "../spec";

/** A node's `group` must name a Group node of the graph; groups do not nest (a Group belongs to no group). */
export function findInvalidGroups(spec: TGraphSpec): TGraphProblem[] {
  const byId = new Map(spec.nodes.map((node) => [node.id, node]));
  const problems: TGraphProblem[] = [];
  spec.nodes.forEach((node, index) => {
    if (node.group === undefined) return;
    const path = ["nodes", index, "group"];
    const group = byId.get(node.group);
    if (!group) problems.push({ code: "GROUP_NOT_FOUND", message: `Node "${node.id}" is in group "${node.group}", which is not in the graph`, path, nodeId: node.id });
    else if (!isGroupNode(group)) problems.push({ code: "NOT_A_GROUP", message: `Node "${node.id}" is in "${node.group}", which is not a Group node`, path, nodeId: node.id });
    else if (isGroupNode(node)) problems.push({ code: "NESTED_GROUP", message: `Group "${node.id}" is inside group "${node.group}"; groups do not nest`, path, nodeId: node.id });
  });
  return problems;
}
