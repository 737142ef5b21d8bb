import type { TNodeImplementation } from "../../node-implementation";

/** Joins branches: `all` waits for every non-skipped input and emits them as a list; `first` emits the first. */
export const mergeNode: TNodeImplementation = {
  definition: {
    type: "core/merge",
    version: 1,
    title: "Merge",
    category: "flow",
    icon: "git-merge",
    description: "Waits for all live branches, or takes the first to arrive.",
    inputs: [{ id: "in", kind: "data", acceptsMany: true }],
    outputs: [{ id: "out", kind: "data" }],
    configSchema: {
      type: "object",
      properties: {
        mode: {
          title: "Wait for",
          enum: ["all", "first"],
          default: "all",
          description: "all: every wired input that is not skipped, passed on as a list; first: the first to arrive",
        },
      },
    },
    sideEffects: "pure",
  },
  getJoinMode: (config) => (config.mode === "first" ? "first" : "all"),
  async execute(context) {
    const values = (context.inputs.in ?? []) as unknown[];
    return { kind: "outputs", outputs: { out: context.config.mode === "first" ? values[0] : values } };
  },
};
