// Upgrading is idempotent: whatever graph the current format can hold, reading it again changes nothing, and a v1
// document read twice is the same as read once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRAPH_FORMAT } from "../spec";
import { upgradeGraphDocument } from "./upgrade-graph-document";

const id = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
const node = fc.record(
  {
    id,
    type: fc.constantFrom("core/input", "core/template", "core/output", "acme-shout/shout"),
    typeVersion: fc.integer({ min: 1, max: 3 }),
    label: fc.string({ maxLength: 20 }),
    position: fc.record({ x: fc.integer(), y: fc.integer() }),
    config: fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.jsonValue({ maxDepth: 2 })),
    disabled: fc.boolean(),
    timeoutMs: fc.integer({ min: 1, max: 86_400_000 }),
    group: id,
  },
  { requiredKeys: ["id", "type", "position"] },
);
const edge = fc.record({ id, source: fc.record({ node: id, port: id }), target: fc.record({ node: id, port: id }) });
const settings = fc.record({ maxSteps: fc.integer({ min: 1, max: 1000 }), mailboxCapacity: fc.integer({ min: 1, max: 100 }), environment: fc.constantFrom("dev", "prod") }, { requiredKeys: [] });
const document = (format: string) => fc.record({ format: fc.constant(format), nodes: fc.array(node, { maxLength: 8 }), edges: fc.array(edge, { maxLength: 8 }), settings }, { requiredKeys: ["format", "nodes", "edges"] });

function upgraded(value: unknown): unknown {
  const result = upgradeGraphDocument(value);
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

describe("upgradeGraphDocument (property)", () => {
  it("changes nothing in a current-format graph", () => {
    fc.assert(fc.property(document(GRAPH_FORMAT), (graph) => {
      expect(upgraded(graph)).toEqual(graph);
    }), { numRuns: 300 });
  });

  it("is idempotent on what it upgrades from v1", () => {
    fc.assert(fc.property(document("openclaw.graph/v1"), (graph) => {
      const once = upgraded(graph);
      expect(upgraded(once)).toEqual(once);
      expect(once).toMatchObject({ format: GRAPH_FORMAT, edges: graph.edges });
    }), { numRuns: 300 });
  });
});
