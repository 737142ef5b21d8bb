import type { TGraphSpec } from "@/lib/graph";
import { AppError } from "../app-error";
import { canOnPlugin, defineAbilitiesFor } from "../auth/abilities";
import type { TLoadedPlugin } from "./workspace-plugins";

/** A graph tagged `production` may not use unsigned plugins (abilities.ts decides). */
export function checkPluginUse(spec: TGraphSpec, plugins: readonly TLoadedPlugin[]): void {
  const ability = defineAbilitiesFor({ role: "viewer", allowUnsignedPlugins: false });
  const byKey = new Map(plugins.map((plugin) => [plugin.pluginKey, plugin]));
  for (const node of spec.nodes) {
    const plugin = byKey.get(node.type.split("/")[0]!);
    if (!plugin) continue;
    const facts = { isSigned: plugin.isSigned, publisher: plugin.manifest.publisher, isEnabled: true, environment: spec.settings.environment };
    if (!canOnPlugin(ability, "use", facts)) {
      throw new AppError("FORBIDDEN", `Node "${node.label || node.id}" uses the unsigned plugin ${plugin.pluginKey}, which graphs tagged "${spec.settings.environment}" may not use`);
    }
  }
}
