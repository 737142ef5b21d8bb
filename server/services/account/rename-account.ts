import type { TDbOrTx } from "../../db/client";
import { parseAccountName } from "./create-account";

export async function renameAccount(db: TDbOrTx, options: { userId: string; name: string }) {
  const name = parseAccountName(options.name);
  await db.user.update({ where: { id: options.userId }, data: { name }, select: { id: true } });
  return { name };
}
