import type { TDbOrTx } from "../../db/client";
import { maskSecretHint } from "../../secrets/secret-rules";
import { SECRET_SUMMARY_SELECT, toSecretSummary } from "./secret-summary";

/** Names and masks, in name order, with the environments that override the default; nothing the caller can decrypt. */
export async function listSecrets(db: TDbOrTx, options: { workspaceId: string }) {
  const secrets = await db.secret.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: { name: "asc" },
    select: {
      ...SECRET_SUMMARY_SELECT,
      environmentValues: { orderBy: { environment: { position: "asc" } }, select: { hint: true, updatedAt: true, environment: { select: { name: true } } } },
    },
  });
  return secrets.map(({ environmentValues, ...secret }) => ({
    ...toSecretSummary(secret),
    overrides: environmentValues.map((value) => ({ environment: value.environment.name, mask: maskSecretHint(value.hint), updatedAt: value.updatedAt })),
  }));
}
