// Another workspace does not exist for an outsider: an owner of workspace A (and A's API key) naming workspace B, or
// naming B's graphs, runs, members, keys and rules from inside A, gets exactly the answer a random id gets, for every
// workspace procedure of the router, and never B's data.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { callerOptionsOf, createAttackWorkspace, type TAttackWorkspace } from "./attack-workspace";
import { answerOf, callProcedure, listWorkspaceProcedures, type TAnswer } from "./procedure-catalog";
import { WORKSPACE_INPUTS } from "./procedure-inputs";

let ours: TAttackWorkspace;
let theirs: TAttackWorkspace;
beforeAll(async () => {
  [ours, theirs] = [await createAttackWorkspace(), await createAttackWorkspace()];
});

/** Input keys that name a record (graphId, runId, userId, apiKeyId, ...), as opposed to names and settings. */
const isIdKey = (key: string) => key === "id" || key.endsWith("Id");

function withRandomIds(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, isIdKey(key) && key !== "workspaceId" ? `c${randomUUID().replaceAll("-", "")}` : value]));
}

const refusalOf = (answer: TAnswer) => (answer.ok ? { leaked: answer.data } : { code: answer.code, message: answer.message });

describe.each(listWorkspaceProcedures().map((entry) => [entry.path] as const))("%s", (path) => {
  it("answers an outsider naming another workspace, or its records, exactly as a random id", async () => {
    const plan = WORKSPACE_INPUTS[path]!;
    const theirInput = await plan.build(theirs);
    for (const principal of ["owner", "apiKey"] as const) {
      const call = (input: Record<string, unknown>) => answerOf(() => callProcedure(callerOptionsOf(ours, principal), path, input));

      const foreignWorkspace = refusalOf(await call(theirInput));
      const randomWorkspace = refusalOf(await call({ ...theirInput, workspaceId: `c${randomUUID().replaceAll("-", "")}` }));
      expect(foreignWorkspace, `${principal} naming workspace B`).toEqual(randomWorkspace);
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain(foreignWorkspace.code);

      const idKeys = Object.keys(theirInput).filter((key) => isIdKey(key) && key !== "workspaceId");
      if (idKeys.length === 0 || plan.needsOwnWorkspace) continue;
      const theirRecordsHere = refusalOf(await call({ ...theirInput, workspaceId: ours.id }));
      const randomRecordsHere = refusalOf(await call(withRandomIds({ ...theirInput, workspaceId: ours.id })));
      expect(theirRecordsHere, `${principal} naming B's ${idKeys.join(", ")} in its own workspace`).toEqual(randomRecordsHere);
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain(theirRecordsHere.code);
    }
  });
});
