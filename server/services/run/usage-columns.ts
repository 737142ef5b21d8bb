import { Prisma } from "../../db/generated/client";

/**
 * `tokens` and `costUsd` of `"Run" r` from its usage JSON (`{tokens, costUsd}`), NULL when the run recorded none.
 * A value that is not a number reads as NULL instead of failing the whole query.
 */
export function usageColumnsSql(): Prisma.Sql {
  return Prisma.sql`
    CASE WHEN jsonb_typeof(r.usage->'tokens') = 'number' THEN (r.usage->>'tokens')::float8 END AS tokens,
    CASE WHEN jsonb_typeof(r.usage->'costUsd') = 'number' THEN (r.usage->>'costUsd')::float8 END AS "costUsd"`;
}
