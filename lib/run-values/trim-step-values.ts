import { mapStepValues } from "./map-step-values";
import { isStepValueFile, stepValueFileAsTruncated } from "./step-value-file";
import type { TStepValues } from "./step-value-field";
import { MAX_LISTED_VALUE_CHARS, truncateJson } from "./truncate-json";

/**
 * A step as `run.steps` lists it: each recorded value (input, output, error, time and random lists, the result, and
 * each attached call's input, output and error) over `maxChars` replaced by a truncation marker. Everything else of
 * the step, and of each call (ids, kinds, timings, usage), is kept as it is. A value kept in a file (over 256 KB) is
 * listed with the preview its reference carries.
 */
export function trimStepValues<T extends TStepValues>(step: T, maxChars: number = MAX_LISTED_VALUE_CHARS): T {
  return mapStepValues(step, (value) => (isStepValueFile(value) ? stepValueFileAsTruncated(value) : truncateJson(value, maxChars)));
}
