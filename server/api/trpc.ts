// The one tRPC setup: context, initialisation, error mapping, and the ladder of procedures every router uses.
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { z, ZodError } from "zod";
import { findUnsafeJson } from "@/lib/json/find-unsafe-json";
import { AppError, type TAppErrorCode } from "../app-error";
import { hasScope, type TScope } from "@/lib/auth/access-rights";
import { getWorkspaceAccess, type TApiKeyPrincipal, type TPrincipal } from "../auth/principal";
import type { TSessionUser } from "../auth/session-user";
import { db, type TDb } from "../db/client";
import type { TMailer } from "../mail/mailer";
import { isActivityStale, recordMemberActivity } from "../services/member/record-member-activity";
import { logger } from "../telemetry/logger";
import { recordMutation, type TAuditNote } from "../audit/record-mutation";
import { checkGraphReach } from "./check-graph-reach";
import type { TProcedureAccess, TProcedureMeta } from "./procedure-access";

// ============================================================================ context

export type TContext = {
  db: TDb;
  /** The signed-in user (session cookie), or null. */
  user: TSessionUser | null;
  /** The API key the request authenticated with (`Authorization: Bearer ocs_...`), or null. Never both. */
  apiKey: TApiKeyPrincipal | null;
  requestId: string;
  /** Sends invitation mail; null when SMTP_URL is unset (the UI then shows the link to copy). */
  mailer: TMailer | null;
  /** Where the request came from, for the audit log (null fields outside HTTP). */
  client: { address: string | null; userAgent: string | null };
  /** A mutation's procedure may note what it changed here; the audit row shows it (server/audit/). */
  auditNote: TAuditNote;
};

/** Builds a context without HTTP: the HTTP handler, socket handlers and tests all go through here. */
export function createInnerContext(options: {
  user: TSessionUser | null;
  apiKey?: TApiKeyPrincipal | null;
  requestId?: string;
  mailer?: TMailer | null;
  client?: TContext["client"];
}): TContext {
  return {
    db: db(),
    user: options.user,
    apiKey: options.apiKey ?? null,
    requestId: options.requestId ?? crypto.randomUUID(),
    mailer: options.mailer ?? null,
    client: options.client ?? { address: null, userAgent: null },
    auditNote: {},
  };
}

// ============================================================================ init

const MAX_INPUT_DEPTH = 64;

const APP_TO_TRPC: Record<TAppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const t = initTRPC.context<TContext>().meta<TProcedureMeta>().create({
  errorFormatter({ shape, error, ctx }) {
    const isServerFault = shape.data.httpStatus >= 500;
    if (isServerFault) {
      logger.error({ err: error.cause ?? error, requestId: ctx?.requestId, path: shape.data.path }, "request failed");
    }
    const zodError = error.cause instanceof ZodError ? error.cause : undefined;
    return {
      ...shape,
      message: isServerFault
        ? `Internal server error (reference ${ctx?.requestId ?? "unknown"})`
        : zodError
          ? describeZodError(zodError)
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        details: error.cause instanceof AppError ? error.cause.details : undefined,
        issues: zodError?.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      },
    };
  },
});

function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// ============================================================================ procedures

/** Services throw AppError; this is the one place that turns them into tRPC errors (and thus HTTP statuses). */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: APP_TO_TRPC[cause.code], message: cause.message, cause });
  }
  return result;
});

/** Refuses prototype-reaching keys and absurd nesting in any input before a parser sees it. */
const guardRawInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = findUnsafeJson(await getRawInput(), MAX_INPUT_DEPTH);
  if (problem) {
    const where = problem.path.length > 0 ? ` at ${problem.path.join(".")}` : "";
    throw new TRPCError({ code: "BAD_REQUEST", message: `${problem.message}${where}` });
  }
  return next();
});

/** Every mutation leaves an audit row, whatever its outcome (server/audit/record-mutation.ts). */
const auditMutations = t.middleware(async ({ type, path, getRawInput, ctx, next }) => {
  if (type !== "mutation") return next();
  const auditNote: TAuditNote = {};
  const result = await next({ ctx: { auditNote } });
  const input = await getRawInput().catch(() => undefined);
  const caller = { user: ctx.user, apiKey: ctx.apiKey, client: ctx.client };
  await recordMutation(ctx.db, { path, input, outcome: result.ok ? { ok: true } : { ok: false, error: result.error }, note: auditNote, caller });
  return result;
});

const publicAccess: TProcedureMeta = { access: { kind: "public" } };
const signedInAccess: TProcedureMeta = { access: { kind: "signedIn" } };
const apiKeyAccess: TProcedureMeta = { access: { kind: "apiKey" } };

export const publicProcedure = t.procedure.meta(publicAccess).use(mapAppErrors).use(guardRawInput).use(auditMutations);

/** A signed-in user. An API key is refused here: it acts only inside its own workspace (`workspaceProcedure`). */
export const authedProcedure = publicProcedure.meta(signedInAccess).use(({ ctx, next }) => {
  if (ctx.user) return next({ ctx: { user: ctx.user } });
  if (ctx.apiKey) throw new TRPCError({ code: "FORBIDDEN", message: "An API key can only call procedures of its own workspace" });
  throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
});

/** An API key, about itself: a script learns which workspace it acts in. A signed-in member asks `workspace.list`. */
export const apiKeyProcedure = publicProcedure.meta(apiKeyAccess).use(({ ctx, next }) => {
  if (ctx.apiKey) return next({ ctx: { apiKey: ctx.apiKey } });
  if (ctx.user) throw new TRPCError({ code: "FORBIDDEN", message: "Only an API key can ask which workspace it belongs to" });
  throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
});

/** A signed-in user or an API key. */
const principalProcedure = publicProcedure.use(({ ctx, next }) => {
  const principal: TPrincipal | null = ctx.user ? { kind: "user", user: ctx.user } : ctx.apiKey ? { kind: "apiKey", apiKey: ctx.apiKey } : null;
  if (!principal) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { principal } });
});

export const ZWorkspaceId = z.string().min(1).max(64);

/**
 * The workspace rung: its scope, and whether an API key may call it, come from the procedure's meta (the one
 * declaration, `procedure-access.ts`). A procedure whose meta lost them is refused rather than let through.
 */
const workspaceAccessProcedure = principalProcedure.input(z.looseObject({ workspaceId: ZWorkspaceId })).use(async ({ ctx, input, meta, next }) => {
  const declared: TProcedureAccess | undefined = meta?.access;
  if (declared?.kind !== "workspace") throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "This procedure declares no workspace scope" });
  const { scope } = declared;
  const access = await getWorkspaceAccess(ctx.db, ctx.principal, input.workspaceId);
  if (!access) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found" });
  const { role, ability } = access;
  if (!ability.can(scope, "Workspace")) {
    const message = !hasScope(role, scope)
      ? `${access.apiKeyId ? "This API key's role" : "Your role"} (${role}) does not allow ${scope}`
      : `This API key's scopes do not include ${scope}`;
    throw new TRPCError({ code: "FORBIDDEN", message });
  }
  if (access.apiKeyId && !declared.allowsApiKeys) throw new TRPCError({ code: "FORBIDDEN", message: "Only a signed-in member can do this, not an API key" });
  await checkGraphReach(ctx.db, { workspaceId: input.workspaceId, ability }, input);
  if (!access.apiKeyId && isActivityStale(access.lastActiveAt, new Date())) {
    await recordMemberActivity(ctx.db, { workspaceId: input.workspaceId, userId: access.actorId });
  }
  return next({
    ctx: { user: { id: access.actorId }, workspace: { id: input.workspaceId, role, ability, graphIds: access.graphIds, apiKeyId: access.apiKeyId } },
  });
});

/**
 * A member of the workspace named by `input.workspaceId`, or an API key of that workspace, whose ability
 * (lib/auth/abilities.ts) allows `scope`. A workspace the caller is not in answers NOT_FOUND, exactly like one that
 * does not exist; so does an input naming a graph the caller does not see, or a run of one (`check-graph-reach.ts`).
 * `ctx.user.id` is who the action is recorded as (a key's creator); list procedures filter with
 * `ctx.workspace.ability`. Each procedure's own strict input repeats `workspaceId`.
 */
export function workspaceProcedure(scope: TScope) {
  return workspaceAccessProcedure.meta({ access: { kind: "workspace", scope, allowsApiKeys: true } });
}

/** `workspaceProcedure` for signed-in members only: what an API key must not do, such as issuing more keys. */
export function memberProcedure(scope: TScope) {
  return workspaceAccessProcedure.meta({ access: { kind: "workspace", scope, allowsApiKeys: false } });
}
