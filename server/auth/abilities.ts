// Attribute-based decisions about plugins, in one place (CASL): who may install, enable or grant what, decided from the
// actor's role, the workspace's settings, the plugin's signature and declared permissions, and the graph's environment.
import { AbilityBuilder, createMongoAbility, subject, type ForcedSubject, type MongoAbility } from "@casl/ability";
import type { TRole } from "@/lib/auth/access-rights";

export type TPluginFacts = { isSigned: boolean; publisher: string; isEnabled?: boolean; environment?: string };
export type TPermissionFacts = { kind: "egress" | "secrets"; isDeclared: boolean; isPluginSigned: boolean };

type TPluginSubject = TPluginFacts & ForcedSubject<"Plugin">;
type TPermissionSubject = TPermissionFacts & ForcedSubject<"Permission">;

type TAbility = MongoAbility<
  | ["install" | "uninstall" | "enable" | "disable" | "use", "Plugin" | TPluginSubject]
  | ["grant", "Permission" | TPermissionSubject]
  | ["allowUnsignedPlugins" | "manageTrustedKeys", "Workspace"]
>;

export type TAbilityActor = { role: TRole; allowUnsignedPlugins: boolean };

export function defineAbilitiesFor(actor: TAbilityActor): TAbility {
  const { can, cannot, build } = new AbilityBuilder<TAbility>(createMongoAbility);
  const isAdmin = actor.role === "owner" || actor.role === "admin";

  can("use", "Plugin", { isEnabled: true });
  // A graph tagged `production` runs signed plugins only.
  cannot("use", "Plugin", { isSigned: false, environment: "production" });

  if (isAdmin) {
    can("install", "Plugin", { isSigned: true });
    if (actor.allowUnsignedPlugins) can("install", "Plugin", { isSigned: false });
    can(["uninstall", "enable", "disable"], "Plugin");
    can("manageTrustedKeys", "Workspace");
    // Only what the manifest declares can be granted; secrets to an unsigned plugin need the owner.
    can("grant", "Permission", { isDeclared: true, kind: "egress" });
    can("grant", "Permission", { isDeclared: true, kind: "secrets", isPluginSigned: true });
  }
  if (actor.role === "owner") {
    can("grant", "Permission", { isDeclared: true, kind: "secrets", isPluginSigned: false });
    can("allowUnsignedPlugins", "Workspace");
  }
  return build();
}

export function canOnPlugin(ability: TAbility, action: "install" | "uninstall" | "enable" | "disable" | "use", facts: TPluginFacts): boolean {
  return ability.can(action, subject("Plugin", { ...facts }));
}

export function canGrant(ability: TAbility, facts: TPermissionFacts): boolean {
  return ability.can("grant", subject("Permission", { ...facts }));
}
