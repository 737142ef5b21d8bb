import { notFound } from "../../app-error";
import type { TDb } from "../../db/client";
import { isSlugTaken, slugTaken } from "./create-workspace";

/**
 * Renames a workspace and, when given, moves it to a new slug: links with the old slug stop working (it may be taken
 * by someone else later), which the settings page says before the owner saves.
 */
export async function renameWorkspace(db: TDb, options: { workspaceId: string; name: string; slug?: string }) {
  const { workspaceId, name, slug } = options;
  try {
    const updated = await db.workspace.updateMany({ where: { id: workspaceId }, data: { name, ...(slug === undefined ? {} : { slug }) } });
    if (updated.count === 0) throw notFound("Workspace");
  } catch (error) {
    if (slug !== undefined && isSlugTaken(error)) throw slugTaken(slug);
    throw error;
  }
  return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { id: true, slug: true, name: true } });
}
