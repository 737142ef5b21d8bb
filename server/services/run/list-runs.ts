import { Prisma } from "../../db/generated/client";
import type { TDbOrTx } from "../../db/client";
import type { TRunStatus } from "../../runtime/statuses";
import { checkRunFilter } from "./check-run-filter";
import { encodeRunCursor, type TRunCursor } from "./run-cursor";
import { runFilterSql, utcTimestamp, type TRunFilter } from "./run-filter";
import { usageColumnsSql } from "./usage-columns";

/** Longer error messages are cut in the list; the run page shows the whole error. */
const LIST_ERROR_CHARS = 300;

type TRunRow = {
  id: string;
  number: number;
  graphId: string;
  graphName: string;
  versionNumber: number | null;
  status: TRunStatus;
  trigger: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  errorMessage: string | null;
  tokens: number | null;
  costUsd: number | null;
};

/**
 * Newest first, keyset-paginated on (createdAt, id). Small columns only: never the spec, frontier, input or output,
 * and of the error just the start of its message.
 */
export async function listRuns(db: TDbOrTx, filter: TRunFilter & { after?: TRunCursor; limit: number }) {
  await checkRunFilter(db, filter);
  const keyset = filter.after ? Prisma.sql`AND (r."createdAt", r.id) < (${utcTimestamp(filter.after.createdAt)}, ${filter.after.id})` : Prisma.empty;
  const rows = await db.$queryRaw<TRunRow[]>`
    SELECT r.id, r.number, r."graphId", g.name AS "graphName", v.number AS "versionNumber", r.status::text AS status, r.trigger,
      r."createdAt", r."startedAt", r."finishedAt", left(r.error->>'message', ${LIST_ERROR_CHARS}) AS "errorMessage",
      ${usageColumnsSql()}
    FROM "Run" r
    JOIN "Graph" g ON g.id = r."graphId"
    LEFT JOIN "GraphVersion" v ON v.id = r."graphVersionId"
    WHERE ${runFilterSql(filter)} ${keyset}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > filter.limit && last ? encodeRunCursor(last) : null };
}
