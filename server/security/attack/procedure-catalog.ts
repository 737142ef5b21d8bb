// The attack suite's view of the API: every procedure of the live router with the access it declares (tRPC meta,
// server/api/procedure-access.ts), the reviewed list of procedures anyone may call, and a way to call any procedure by
// its path as a given caller, the way a script would.
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { createCaller, appRouter } from "../../api/root";
import { readProcedureAccess, type TProcedureAccess } from "../../api/procedure-access";
import { createInnerContext } from "../../api/trpc";

export type TProcedureEntry = { path: string; type: "query" | "mutation" | "subscription"; access: TProcedureAccess | undefined };

/** Every procedure of `appRouter`, read off the router itself: a procedure added tomorrow is in this list. */
export function listProcedures(): TProcedureEntry[] {
  // At run time `_def.procedures` is flat, keyed by dotted path (its declared type nests by router).
  return Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: TProcedureEntry["type"] } }>).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    access: readProcedureAccess(procedure),
  }));
}

export type TWorkspaceProcedureEntry = TProcedureEntry & { access: Extract<TProcedureAccess, { kind: "workspace" }> };

export function listWorkspaceProcedures(): TWorkspaceProcedureEntry[] {
  return listProcedures().filter((entry): entry is TWorkspaceProcedureEntry => entry.access?.kind === "workspace");
}

/**
 * Reviewed: the only procedures that answer without a session or key, and why. A procedure declared public that is
 * not here fails the suite until someone decides it should be.
 */
export const REVIEWED_PUBLIC_PROCEDURES: Record<string, string> = {
  "account.signUpPolicy": "the sign-in page asks whether to offer sign-up (a setting, no data)",
  "account.signUp": "creating an account; refused unless STUDIO_SIGNUP=open",
  "invitation.preview": "the invitation link's page; the token is the credential",
  "invitation.acceptAsNewUser": "a person without an account joins with the link; the token is the credential",
  "passwordReset.preview": "the reset link's page; the token is the credential",
  "passwordReset.complete": "setting the new password with the link; the token is the credential",
};

export type TCallerOptions = Parameters<typeof createInnerContext>[0];

/** Calls `path` as the caller described by `options` (a user, an API key, or nobody). */
export function callProcedure(options: TCallerOptions, path: string, input: unknown): Promise<unknown> {
  const caller = createCaller(createInnerContext(options)) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [router, procedure] = path.split(".") as [string, string];
  return caller[router]![procedure]!(input);
}

export type TAnswer = { ok: true; data: unknown } | { ok: false; code: string; message: string };

/** How a call ended, as the caller sees it: its data, or the refusal's code and message. */
export async function answerOf(call: () => Promise<unknown>): Promise<TAnswer> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    expect(error, "a refusal is a TRPCError").toBeInstanceOf(TRPCError);
    const { code, message } = error as TRPCError;
    return { ok: false, code, message };
  }
}
