import { Prisma } from "../../db/generated/client";
import type { TRunTrigger } from "@/lib/runs/run-triggers";
import type { TRunGraphScope } from "../../auth/graph-access";
import type { TRunStatus } from "../../runtime/statuses";

/** The run history's filter; list and stats take the same one, so the totals always describe the listed runs. */
export type TRunFilter = {
  workspaceId: string;
  graphId?: string;
  /** A run's number within its graph (with `graphId`, one run). */
  number?: number;
  /** A published version's number, or "draft" for runs of an unpublished draft. */
  versionNumber?: number | "draft";
  statuses?: TRunStatus[];
  triggers?: TRunTrigger[];
  createdAfter?: Date;
  createdBefore?: Date;
  /** Case-insensitive text in the error's message. */
  errorText?: string;
  /** The graphs whose runs the caller sees (server/auth/graph-access.ts); never from the API's input. */
  graphScope?: TRunGraphScope;
};

/** A UTC timestamp as the `timestamp(3)` columns hold it (Prisma writes UTC without a zone). */
export function utcTimestamp(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/**
 * The WHERE conditions for `"Run" r`. Every condition sits beside `r."workspaceId"`, so the (workspaceId, createdAt)
 * index bounds the scan (or its status and trigger variants); the error text is matched literally (LIKE wildcards
 * escaped) on the message only, which the trigram index `Run_error_message_trgm_idx` serves.
 */
export function runFilterSql(filter: TRunFilter): Prisma.Sql {
  const conditions = runDimensionConditions(filter, "r");
  if (filter.number !== undefined) conditions.push(Prisma.sql`r.number = ${filter.number}`);
  if (filter.createdAfter) conditions.push(Prisma.sql`r."createdAt" >= ${utcTimestamp(filter.createdAfter)}`);
  if (filter.createdBefore) conditions.push(Prisma.sql`r."createdAt" < ${utcTimestamp(filter.createdBefore)}`);
  if (filter.errorText) conditions.push(Prisma.sql`r.error->>'message' ILIKE ${`%${escapeLike(filter.errorText)}%`}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The conditions on what a run and its `RunDailyStats` row share (workspace, graph, version, status, trigger), for
 * `"Run" r` or `"RunDailyStats" s`; a draft run's version is NULL in Run and "" in the stats.
 */
export function runDimensionConditions(filter: TRunFilter, alias: "r" | "s"): Prisma.Sql[] {
  const t = Prisma.raw(alias);
  const conditions: Prisma.Sql[] = [Prisma.sql`${t}."workspaceId" = ${filter.workspaceId}`];
  if (filter.graphId) conditions.push(Prisma.sql`${t}."graphId" = ${filter.graphId}`);
  const scope = filter.graphScope;
  if (scope?.onlyGraphIds) conditions.push(Prisma.sql`${t}."graphId" IN (${Prisma.join(scope.onlyGraphIds)})`);
  if (scope?.hiddenGraphIds.length) conditions.push(Prisma.sql`${t}."graphId" NOT IN (${Prisma.join(scope.hiddenGraphIds)})`);
  if (filter.versionNumber === "draft") conditions.push(alias === "r" ? Prisma.sql`r."graphVersionId" IS NULL` : Prisma.sql`s."graphVersionId" = ''`);
  if (typeof filter.versionNumber === "number") {
    conditions.push(Prisma.sql`${t}."graphVersionId" IN (SELECT gv.id FROM "GraphVersion" gv WHERE gv."graphId" = ${t}."graphId" AND gv.number = ${filter.versionNumber})`);
  }
  // Compared as the enum, not as text, so the (workspaceId, status, createdAt) index applies.
  if (filter.statuses?.length) conditions.push(Prisma.sql`${t}.status IN (${Prisma.join(filter.statuses.map((status) => Prisma.sql`${status}::"RunStatus"`))})`);
  if (filter.triggers?.length) conditions.push(Prisma.sql`${t}.trigger IN (${Prisma.join(filter.triggers)})`);
  return conditions;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
