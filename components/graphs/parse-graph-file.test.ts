import { describe, expect, it } from "vitest";
import { createNodeTypeRegistry, GRAPH_FORMAT } from "@/lib/graph";
import { ALL_CORE_NODE_DEFINITIONS } from "@/server/plugins/builtin/core-node-definitions";
import mailboxCapacity from "@/lib/graph/format/fixtures/v1-mailbox-capacity.json";
import { graphNameFromFile, parseGraphFile } from "./parse-graph-file";

const registry = createNodeTypeRegistry(ALL_CORE_NODE_DEFINITIONS);
const graph = (nodes: unknown[]) => JSON.stringify({ format: GRAPH_FORMAT, nodes, edges: [] });

describe("parseGraphFile", () => {
  it("accepts an exported graph", () => {
    expect(parseGraphFile(graph([{ id: "in", type: "core/input", position: { x: 0, y: 0 } }]), registry)).toMatchObject({ ok: true });
  });

  it("imports a file exported by an older studio in the current format, and refuses one from a newer studio", () => {
    expect(parseGraphFile(JSON.stringify(mailboxCapacity), registry)).toMatchObject({ ok: true, spec: { format: GRAPH_FORMAT, settings: { mailboxCapacity: 8 } } });
    const future = parseGraphFile(JSON.stringify({ ...mailboxCapacity, format: "openclaw.graph/v3" }), registry);
    expect(future).toEqual({ ok: false, message: "format: The graph is in format openclaw.graph/v3, newer than this studio reads (openclaw.graph/v2 at most): open it in a newer studio" });
  });

  it("locates malformed JSON, a bad field, prototype keys and unknown types", () => {
    expect(parseGraphFile('{"format": "openclaw.graph/v1",', registry)).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON") });
    expect(parseGraphFile(graph([{ id: "in", type: "core/input", position: { x: "left", y: 0 } }]), registry)).toMatchObject({ ok: false, message: expect.stringContaining("nodes[0].position.x") });
    expect(parseGraphFile('{"format":"openclaw.graph/v1","nodes":[],"edges":[],"__proto__":{"x":1}}', registry)).toMatchObject({ ok: false, message: expect.stringContaining("__proto__") });
    expect(parseGraphFile(graph([{ id: "w", type: "acme/weather", position: { x: 0, y: 0 } }]), registry)).toMatchObject({ ok: false, message: expect.stringContaining("acme/weather") });
  });

  it("refuses an oversized file before parsing it", () => {
    expect(parseGraphFile("x".repeat(5 * 1024 * 1024), registry)).toMatchObject({ ok: false, message: expect.stringContaining("at most") });
  });

  it("names the graph after its file", () => {
    expect(graphNameFromFile("Support triage.studio-graph.json")).toBe("Support triage");
    expect(graphNameFromFile("Older export.openclaw.json")).toBe("Older export");
  });
});
