// Who may call a procedure, declared once on the procedure as tRPC meta (`trpc.ts` sets it on each rung of the
// procedure ladder) and read back by the middleware that enforces it, so the declaration cannot drift from the
// check. The attack suite (server/security/attack/) reads the same declarations off the router.
import type { TScope } from "@/lib/auth/access-rights";

export type TProcedureAccess =
  /** Anyone: sign-up, invitation and reset links (the token is the credential). */
  | { kind: "public" }
  /** A signed-in user acting on their own account; API keys are refused. */
  | { kind: "signedIn" }
  /** An API key asking about itself (a script learning its workspace); sessions are refused. */
  | { kind: "apiKey" }
  /** A member of `input.workspaceId` whose ability allows `scope`; an API key of that workspace when `allowsApiKeys`. */
  | { kind: "workspace"; scope: TScope; allowsApiKeys: boolean };

export type TProcedureMeta = { access: TProcedureAccess };

/** The declaration of a procedure of the router (`appRouter._def.procedures[path]`), or undefined when it has none. */
export function readProcedureAccess(procedure: unknown): TProcedureAccess | undefined {
  return (procedure as { _def?: { meta?: Partial<TProcedureMeta> } })._def?.meta?.access;
}
