import type { z } from "zod";
import type { TRunFilter } from "../../../services/run/run-filter";
import type { ZRunStatsInput } from "./types";

/** The history filter as the API receives it (ISO strings, possibly blank text) to what the services query. */
export function toRunFilter(input: z.infer<typeof ZRunStatsInput>): TRunFilter {
  const { createdAfter, createdBefore, errorText, ...rest } = input;
  return {
    ...rest,
    createdAfter: createdAfter ? new Date(createdAfter) : undefined,
    createdBefore: createdBefore ? new Date(createdBefore) : undefined,
    errorText: errorText || undefined,
  };
}
