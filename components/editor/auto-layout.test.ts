import { describe, expect, it } from "vitest";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { computeAutoLayout } from "./auto-layout";

describe("computeAutoLayout", () => {
  it("lays a chain out left to right without overlaps", async () => {
    const spec = createSimpleGraphSpec();
    spec.nodes.forEach((node) => (node.position = { x: 0, y: 0 }));
    const laid = await computeAutoLayout(spec, new Map());
    const xs = laid.nodes.map((node) => node.position.x);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
    expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(180);
  });
});
