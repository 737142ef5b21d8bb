import { describe, expect, it } from "vitest";
import { GROUP_NODE_DEFINITION, GROUP_NODE_TYPE } from "../group-node";
import { createNodeTypeRegistry } from "../node-type";
import { GRAPH_FORMAT, type TGraphNode } from "../spec";
import { TEST_NODE_TYPES } from "../test-node-types";
import { validateGraph } from "../validate-graph";
import { validateGraphSpec } from "../validate-graph-spec";

const node = (id: string, type: string, extra: Partial<TGraphNode> = {}) => ({ id, type, position: { x: 0, y: 0 }, ...extra });
const specOf = (...nodes: ReturnType<typeof node>[]) => ({ format: GRAPH_FORMAT, nodes, edges: [] });

describe("groups in a spec", () => {
  it("accepts nodes that name a Group node, and the Group node passes the type rules", () => {
    const spec = specOf(node("frame", GROUP_NODE_TYPE, { label: "Intake", config: { width: 500, height: 300 } }), node("a", "test/input", { group: "frame" }));
    expect(validateGraphSpec(spec).ok).toBe(true);
    expect(validateGraph(spec, createNodeTypeRegistry([...TEST_NODE_TYPES, GROUP_NODE_DEFINITION]))).toMatchObject({ ok: true });
  });

  it("refuses a group that is missing, is not a Group node, or is itself grouped, at the member's path", () => {
    const result = validateGraphSpec(
      specOf(
        node("outer", GROUP_NODE_TYPE),
        node("inner", GROUP_NODE_TYPE, { group: "outer" }),
        node("a", "core/input", { group: "gone" }),
        node("b", "core/input", { group: "a" }),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.code, problem.nodeId, problem.path.join(".")])).toEqual([
      ["NESTED_GROUP", "inner", "nodes.1.group"],
      ["GROUP_NOT_FOUND", "a", "nodes.2.group"],
      ["NOT_A_GROUP", "b", "nodes.3.group"],
    ]);
  });
});
