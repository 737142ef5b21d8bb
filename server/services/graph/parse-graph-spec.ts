import { describeGraphProblems, validateGraphSpec, type TGraphSpec } from "@/lib/graph";
import { AppError } from "../../app-error";

/** Validates a spec on its way into the database; the error carries every located problem for the editor. */
export function parseGraphSpecOrThrow(value: unknown): TGraphSpec {
  const result = validateGraphSpec(value);
  if (!result.ok) {
    const code = result.problems.some((p) => p.code === "GRAPH_TOO_LARGE") ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
    throw new AppError(code, `The graph is invalid:\n${describeGraphProblems(result.problems)}`, {
      details: { problems: result.problems },
    });
  }
  return result.spec;
}
