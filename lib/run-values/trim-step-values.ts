import { mapStepValues } from "./map-step-values";
import type { TStepValues } from "./step-value-field";
import { MAX_LISTED_VALUE_CHARS, truncateJson } from "./truncate-json";

/**
 * A step as `run.steps` lists it: each recorded value (input, output, error, time and random lists, the result, and
 * each attached call's input, output and error) over `maxChars` replaced by a truncation marker. Everything else of
 * the step, and of each call (ids, kinds, timings, usage), is kept as it is.
 */
export function trimStepValues<T extends TStepValues>(step: T, maxChars: number = MAX_LISTED_VALUE_CHARS): T {
  return mapStepValues(step, (value) => truncateJson(value, maxChars));
}
