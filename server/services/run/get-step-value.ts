import { pickStepValue } from "@/lib/run-values/pick-step-value";
import type { TStepValueField } from "@/lib/run-values/step-value-field";
import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { readStepValueFile } from "../../step-values/step-value-files";
import { findRunOrThrow } from "./find-run";

/**
 * One recorded value of a step in full (what `listRunSteps` truncated); only the column that holds it is read, and a
 * value kept in a file (over 256 KB, server/step-values/) is read from its file.
 */
export async function getStepValue(db: TDbOrTx, options: { workspaceId: string; runId: string; stepSeq: number; field: TStepValueField }) {
  await findRunOrThrow(db, options, { id: true });
  const column = options.field === "input" || options.field === "output" || options.field === "error" ? options.field : "effects";
  const step = await db.runStep.findUnique({
    where: { runId_seq: { runId: options.runId, seq: options.stepSeq } },
    select: { input: column === "input", output: column === "output", error: column === "error", effects: column === "effects" },
  });
  if (!step) throw notFound(`Step ${options.stepSeq}`);
  const picked = pickStepValue(step, options.field);
  if (!picked.found) throw notFound("Call");
  return { value: await readStepValueFile(picked.value) };
}
