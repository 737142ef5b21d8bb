import type { TDbOrTx } from "../../db/client";
import { findGraphOrThrow } from "./find-graph";

export async function listGraphVersions(db: TDbOrTx, options: { workspaceId: string; graphId: string }) {
  await findGraphOrThrow(db, options, { id: true });
  const versions = await db.graphVersion.findMany({
    where: { graphId: options.graphId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      hash: true,
      message: true,
      createdAt: true,
      authorId: true,
      pluginPins: { orderBy: { pluginKey: "asc" }, select: { pluginKey: true, nodeTypes: true, plugin: { select: { version: true } } } },
    },
  });
  // Each version's plugin pins: the plugin versions its runs use (server/plugins/README.md, "Pins").
  return versions.map(({ pluginPins, ...version }) => ({
    ...version,
    pluginPins: pluginPins.map((pin) => ({ pluginKey: pin.pluginKey, version: pin.plugin.version, nodeTypes: pin.nodeTypes })),
  }));
}
