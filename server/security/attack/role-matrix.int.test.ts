// Every principal (a member of each role, and an API key) against every workspace procedure, with a valid input: the
// policy (lib/auth/abilities.ts) says who may, for the scope the procedure declares. Allowed: the call reaches its
// service and succeeds (or meets the one state its input cannot reach); not allowed: FORBIDDEN, and nothing happens.
import { beforeAll, describe, expect, it } from "vitest";
import type { TProcedureAccess } from "../../api/procedure-access";
import { abilityOfPrincipal, callerOptionsOf, createAttackWorkspace, PRINCIPALS, type TAttackWorkspace, type TPrincipalName } from "./attack-workspace";
import { answerOf, callProcedure, listWorkspaceProcedures, type TAnswer } from "./procedure-catalog";
import { WORKSPACE_INPUTS, type TInputPlan } from "./procedure-inputs";

let shared: TAttackWorkspace;
beforeAll(async () => {
  shared = await createAttackWorkspace();
});

function isAllowed(workspace: TAttackWorkspace, principal: TPrincipalName, access: Extract<TProcedureAccess, { kind: "workspace" }>, plan: TInputPlan): boolean {
  if (principal === "apiKey" && !access.allowsApiKeys) return false;
  const ability = abilityOfPrincipal(workspace, principal);
  return ability.can(access.scope, "Workspace") && (plan.isAllowedBy?.(ability) ?? true);
}

function describeAnswer(answer: TAnswer): string {
  return answer.ok ? "ok" : `${answer.code}: ${answer.message}`;
}

describe.each(listWorkspaceProcedures().map((entry) => [entry.path, entry] as const))("%s", (path, entry) => {
  it("is allowed and refused exactly as the policy says, for every role and an API key", async () => {
    const plan = WORKSPACE_INPUTS[path];
    expect(plan, `an input for ${path} in procedure-inputs.ts`).toBeDefined();
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    // Each allowed call gets an input of its own (it may consume it); the refused ones share one, which a refusal
    // leaves as it was (and a wrongly allowed call shows up as "ok" all the same).
    let refused: { workspace: TAttackWorkspace; input: Record<string, unknown> } | undefined;
    const target = async () => {
      const workspace = plan!.needsOwnWorkspace ? await createAttackWorkspace({ withResources: false }) : shared;
      return { workspace, input: await plan!.build(workspace) };
    };
    for (const principal of PRINCIPALS) {
      const allowed = isAllowed(shared, principal, entry.access, plan!);
      const { workspace, input } = allowed ? await target() : (refused ??= await target());
      const answer = await answerOf(() => callProcedure(callerOptionsOf(workspace, principal), path, input));
      outcomes[principal] = !allowed && !answer.ok ? answer.code : describeAnswer(answer);
      const refusal = plan!.allowedRefusal;
      expected[principal] = !allowed ? "FORBIDDEN" : refusal ? `${refusal.code}: ${refusal.message}` : "ok";
    }
    expect(outcomes).toEqual(expected);
  });
});
