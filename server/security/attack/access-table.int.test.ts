// The access table is the router's own: every procedure declares who may call it (tRPC meta, enforced by the
// middleware that reads it). Without a session, everything but the reviewed public procedures answers UNAUTHORIZED;
// with an API key, everything that is not a workspace procedure open to keys answers FORBIDDEN.
import { beforeAll, describe, expect, it } from "vitest";
import { createAttackWorkspace, type TAttackWorkspace } from "./attack-workspace";
import { ACCOUNT_INPUTS, WORKSPACE_INPUTS } from "./procedure-inputs";
import { answerOf, callProcedure, listProcedures, REVIEWED_PUBLIC_PROCEDURES, type TProcedureEntry } from "./procedure-catalog";

let workspace: TAttackWorkspace;
beforeAll(async () => {
  workspace = await createAttackWorkspace();
});

const procedures = listProcedures();

/** What a caller allowed to make the call would send. */
async function validInputFor(entry: TProcedureEntry): Promise<unknown> {
  const plan = WORKSPACE_INPUTS[entry.path];
  return plan ? plan.build(workspace) : ACCOUNT_INPUTS[entry.path];
}

describe("the access table", () => {
  it("has a declaration for every procedure of the router", () => {
    expect(procedures.length).toBeGreaterThan(80);
    expect(procedures.filter((entry) => entry.access === undefined).map((entry) => entry.path)).toEqual([]);
  });

  it("opens exactly the reviewed procedures to anyone", () => {
    const declaredPublic = procedures.filter((entry) => entry.access?.kind === "public").map((entry) => entry.path);
    expect(declaredPublic.sort()).toEqual(Object.keys(REVIEWED_PUBLIC_PROCEDURES).sort());
  });

  it("has a valid input for every procedure that needs a caller, and none for a procedure that is gone", () => {
    const needingCaller = procedures.filter((entry) => entry.access?.kind !== "public").map((entry) => entry.path);
    const planned = [...Object.keys(WORKSPACE_INPUTS), ...Object.keys(ACCOUNT_INPUTS)];
    expect(needingCaller.filter((path) => !planned.includes(path))).toEqual([]);
    expect(planned.filter((path) => !needingCaller.includes(path))).toEqual([]);
    const workspacePaths = procedures.filter((entry) => entry.access?.kind === "workspace").map((entry) => entry.path);
    expect(Object.keys(WORKSPACE_INPUTS).sort()).toEqual(workspacePaths.sort());
  });
});

describe("a caller without a session", () => {
  it("gets UNAUTHORIZED from every procedure but the reviewed public ones, even with valid input", async () => {
    const answers: string[] = [];
    for (const entry of procedures.filter((procedure) => !(procedure.path in REVIEWED_PUBLIC_PROCEDURES))) {
      const input = await validInputFor(entry);
      const answer = await answerOf(() => callProcedure({ user: null }, entry.path, input));
      answers.push(`${entry.path}: ${answer.ok ? "answered with data" : answer.code}`);
    }
    expect(answers.filter((line) => !line.endsWith(": UNAUTHORIZED"))).toEqual([]);
    expect(answers.length).toBe(procedures.length - Object.keys(REVIEWED_PUBLIC_PROCEDURES).length);
  });
});

describe("an API key", () => {
  it("gets FORBIDDEN from every account-level and member-only procedure, even of its own workspace", async () => {
    const refusedToKeys = procedures.filter((entry) => entry.access?.kind === "signedIn" || (entry.access?.kind === "workspace" && !entry.access.allowsApiKeys));
    expect(refusedToKeys.length).toBeGreaterThan(30);
    const answers: string[] = [];
    for (const entry of refusedToKeys) {
      const plan = WORKSPACE_INPUTS[entry.path];
      // Calls that would hand over or delete the workspace go to their own, with a key of its own.
      const target = plan?.needsOwnWorkspace ? await createAttackWorkspace({ withResources: false }) : workspace;
      const input = plan ? await plan.build(target) : ACCOUNT_INPUTS[entry.path];
      const answer = await answerOf(() => callProcedure({ user: null, apiKey: target.apiKey }, entry.path, input));
      answers.push(`${entry.path}: ${answer.ok ? "answered with data" : answer.code}`);
    }
    expect(answers.filter((line) => !line.endsWith(": FORBIDDEN"))).toEqual([]);
  });
});
