import { describe, expect, it } from "vitest";
import { ALL_CORE_NODE_DEFINITIONS } from "@/server/plugins/builtin/core-node-definitions";
import { createNodeTypeRegistry } from "./node-type";
import { GRAPH_TEMPLATES } from "./templates";
import { validateGraph } from "./validate-graph";

describe("graph templates", () => {
  it.each(GRAPH_TEMPLATES.map((template) => [template.id, template] as const))("%s is a valid, runnable graph", (_id, template) => {
    expect(validateGraph(template.spec, createNodeTypeRegistry(ALL_CORE_NODE_DEFINITIONS))).toMatchObject({ ok: true });
  });
});
