import type { TDbOrTx } from "../../db/client";
import { SECRET_SUMMARY_SELECT, toSecretSummary } from "./secret-summary";

/** Names and masks, in name order; nothing here can be decrypted by the caller. */
export async function listSecrets(db: TDbOrTx, options: { workspaceId: string }) {
  const secrets = await db.secret.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: { name: "asc" },
    select: SECRET_SUMMARY_SELECT,
  });
  return secrets.map(toSecretSummary);
}
