import { z } from "zod";
import { GRAPH_LIMITS } from "./limits";

export const ZGraphName = z
  .string()
  .trim()
  .min(1, "A graph needs a name")
  .max(GRAPH_LIMITS.maxNameLength, `A graph name has at most ${GRAPH_LIMITS.maxNameLength} characters`);
