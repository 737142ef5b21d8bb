// The 5-node graph the webhook benchmarks trigger: webhook -> three pass-through transforms -> output.
import { buildSpec } from "@/server/runtime/testing/build-spec";

export const passThroughSpec = () =>
  buildSpec(
    [
      { id: "hook", type: "core/webhook" },
      ...["p0", "p1", "p2"].map((id) => ({ id, type: "core/transform", config: { mapping: { body: "body" } } })),
      { id: "out", type: "core/output", config: { name: "body" } },
    ],
    ["hook.out->p0.in", "p0.out->p1.in", "p1.out->p2.in", "p2.out->out.in"],
  );
