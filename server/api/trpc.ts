// The one tRPC setup: context, initialisation, error mapping, and the ladder of procedures every router uses.
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { z, ZodError } from "zod";
import { findUnsafeJson } from "@/lib/json/find-unsafe-json";
import { AppError, type TAppErrorCode } from "../app-error";
import { hasScope, type TRole, type TScope } from "../auth/access-rights";
import type { TSessionUser } from "../auth/session-user";
import { db, type TDb } from "../db/client";
import { logger } from "../telemetry/logger";

// ============================================================================ context

export type TContext = {
  db: TDb;
  user: TSessionUser | null;
  requestId: string;
};

/** Builds a context without HTTP: the HTTP handler, socket handlers and tests all go through here. */
export function createInnerContext(options: { user: TSessionUser | null; requestId?: string }): TContext {
  return { db: db(), user: options.user, requestId: options.requestId ?? crypto.randomUUID() };
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

const t = initTRPC.context<TContext>().create({
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

export const publicProcedure = t.procedure.use(mapAppErrors).use(guardRawInput);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { user: ctx.user } });
});

export const ZWorkspaceId = z.string().min(1).max(64);

/**
 * A member of the workspace named by `input.workspaceId`, holding `scope`. A workspace the user does not belong to
 * answers NOT_FOUND, exactly like one that does not exist. Each procedure's own strict input repeats `workspaceId`.
 */
export function workspaceProcedure(scope: TScope) {
  return authedProcedure.input(z.looseObject({ workspaceId: ZWorkspaceId })).use(async ({ ctx, input, next }) => {
    const membership = await ctx.db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: ctx.user.id } },
      select: { role: true },
    });
    if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found" });
    const role: TRole = membership.role;
    if (!hasScope(role, scope)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${role}) does not allow ${scope}` });
    }
    return next({ ctx: { workspace: { id: input.workspaceId, role } } });
  });
}
