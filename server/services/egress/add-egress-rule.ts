import { parseAllowlistEntry } from "../../egress";
import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { Prisma } from "../../db/generated/client";

/**
 * Stores the canonical form of the entry (`Example.COM.` -> `example.com`, `127.1:80` -> `127.0.0.1:80`), so the
 * unique index catches spellings of the same host and the runtime never has to guess.
 */
export async function addEgressRule(db: TDbOrTx, options: { workspaceId: string; actorId: string; host: string }) {
  const parsed = parseAllowlistEntry(options.host);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.message);
  const host = parsed.entry.text;
  try {
    return await db.egressRule.create({
      data: { workspaceId: options.workspaceId, host, createdById: options.actorId },
      select: { id: true, host: true, createdAt: true, createdById: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `${host} is already on the egress allowlist`);
    }
    throw error;
  }
}
