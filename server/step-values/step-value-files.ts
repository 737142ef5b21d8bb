// Recorded step values of more than 256 KB of JSON live in files under <data dir>/step-values/<workspace>/<run>/, and
// the step's column holds a reference (lib/run-values/step-value-file.ts). Every process that drives runs or serves
// the API must therefore see the same data directory (compose.yaml shares /data). A run's folder goes when the run is
// pruned (server/retention/), a workspace's when the workspace is deleted.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { mapStepValues } from "@/lib/run-values/map-step-values";
import { isStepValueFile, type TStepValueFile } from "@/lib/run-values/step-value-file";
import type { TStepValues } from "@/lib/run-values/step-value-field";
import { MAX_LISTED_VALUE_CHARS } from "@/lib/run-values/truncate-json";
import { env } from "../env";

/** A value whose JSON text is longer than this goes to a file. */
export const STEP_VALUE_FILE_MIN_CHARS = 256 * 1024;

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function stepValuesRoot(): string {
  return path.join(env().dataDir, "step-values");
}

function runFolder(workspaceId: string, runId: string): string {
  if (!SAFE_ID.test(workspaceId) || !SAFE_ID.test(runId)) throw new Error("A workspace or run id unfit for a file name");
  return path.join(stepValuesRoot(), workspaceId, runId);
}

/** Whether any column of the step, as the JSON text about to be written, is big enough to hold a value for a file. */
export function mayHoldFileValues(columnTexts: (string | null)[]): boolean {
  return columnTexts.some((text) => text !== null && text.length > STEP_VALUE_FILE_MIN_CHARS);
}

/**
 * The step with every value over STEP_VALUE_FILE_MIN_CHARS written to a file of the run's folder and replaced by its
 * reference. A file is written under a temporary name and renamed, so a reader never sees half of one; a step that
 * runs again (attempt 2) writes new files, and its first attempt's files go with the run.
 */
export async function moveLargeValuesToFiles<T extends TStepValues>(step: T, where: { workspaceId: string; runId: string; seq: number }): Promise<T> {
  const folder = runFolder(where.workspaceId, where.runId);
  return mapStepValuesAsync(step, async (value) => {
    const text = value === undefined ? undefined : JSON.stringify(value);
    if (text === undefined || text.length <= STEP_VALUE_FILE_MIN_CHARS) return value;
    await mkdir(folder, { recursive: true });
    const name = `${where.seq}-${randomUUID()}.json`;
    const temporary = path.join(folder, `.${name}.tmp`);
    await writeFile(temporary, text);
    await rename(temporary, path.join(folder, name));
    return { $file: { path: `${where.workspaceId}/${where.runId}/${name}`, chars: text.length, preview: text.slice(0, MAX_LISTED_VALUE_CHARS) } } satisfies TStepValueFile;
  });
}

/** The value a reference points to; any other value as it is. */
export async function readStepValueFile(value: unknown): Promise<unknown> {
  if (!isStepValueFile(value)) return value;
  const [workspaceId = "", runId = "", name = "", ...extra] = value.$file.path.split("/");
  if (extra.length > 0 || !/^\d+-[0-9a-f-]{36}\.json$/.test(name)) throw new Error("A step value reference outside the store");
  return JSON.parse(await readFile(path.join(runFolder(workspaceId, runId), name), "utf8"));
}

/** The step with every file reference replaced by the value it points to (replay and fork read full records). */
export function readStepValueFiles<T extends TStepValues>(step: T): Promise<T> {
  return mapStepValuesAsync(step, readStepValueFile);
}

export async function removeRunValueFiles(workspaceId: string, runIds: string[]): Promise<void> {
  await Promise.all(runIds.map((runId) => rm(runFolder(workspaceId, runId), { recursive: true, force: true })));
}

export async function removeWorkspaceValueFiles(workspaceId: string): Promise<void> {
  if (!SAFE_ID.test(workspaceId)) throw new Error("A workspace id unfit for a file name");
  await rm(path.join(stepValuesRoot(), workspaceId), { recursive: true, force: true });
}

/** mapStepValues with an asynchronous map: one pass starts every map, the second puts the results in place. */
async function mapStepValuesAsync<T extends TStepValues>(step: T, map: (value: unknown) => Promise<unknown>): Promise<T> {
  const pending: Promise<unknown>[] = [];
  mapStepValues(step, (value) => pending.push(map(value)));
  const results = await Promise.all(pending);
  let index = 0;
  return mapStepValues(step, () => results[index++]);
}
