// The one policy module: every authorisation decision of a workspace is a CASL ability built here from attributes (the
// caller's role, an API key's scopes and graph list, a graph's restriction, a plugin's signature and permissions).
// Conditions are Prisma `where` objects, so the same rule is checked in memory (`ability.can`) and turned into a query
// (`accessibleBy(ability).ofType("Graph")`). The server builds it per request; the browser builds the same ability
// from the rules `workspace.list` sends (`abilityFromRules`) to hide what the caller cannot do. The policy table is in
// server/auth/README.md.
import { AbilityBuilder, subject, type Ability, type RawRuleOf } from "@casl/ability";
import { createPrismaAbility } from "@casl/prisma/runtime";
import { ACCESS_RIGHTS, ROLES, isRoleAtMost, type TRole, type TScope } from "./access-rights";

/** What the policy reads of a graph. */
export type TGraphFacts = { id: string; isRestricted: boolean; allowedRoles: TRole[]; allowedUserIds: string[] };
export type TPluginFacts = { isSigned: boolean; publisher: string; isEnabled?: boolean; environment?: string };
export type TPermissionFacts = { kind: "egress" | "secrets"; isDeclared: boolean; isPluginSigned: boolean };
/** What the policy reads of an environment: the least role that may deploy there (Environment.deployRole). */
export type TEnvironmentFacts = { deployRole: TRole };

export type TGraphAction = "read" | "restrict";
export type TPluginAction = "install" | "uninstall" | "enable" | "disable" | "use";
type TWorkspaceAction = TScope | "allowUnsignedPlugins" | "manageTrustedKeys";

type TAbilities =
  | [TWorkspaceAction, "Workspace"]
  | [TGraphAction, "Graph" | (TGraphFacts & { __caslSubjectType__: "Graph" })]
  | [TPluginAction, "Plugin" | (TPluginFacts & { __caslSubjectType__: "Plugin" })]
  | ["grant", "Permission" | (TPermissionFacts & { __caslSubjectType__: "Permission" })]
  | ["deploy", "Environment" | (TEnvironmentFacts & { __caslSubjectType__: "Environment" })];

export type TWorkspaceAbility = Ability<TAbilities, Record<string, unknown>>;
export type TAbilityRules = RawRuleOf<TWorkspaceAbility>[];

/**
 * Who is asking. A key acts as its creator (`userId`) with its own role, narrowed by its scopes and graph list. A null
 * `userId` is an actor known by role alone (plugin decisions): it sees no graph restricted to named members.
 */
export type TPolicyActor = {
  userId: string | null;
  role: TRole;
  apiKey: { scopes: readonly string[]; graphIds: readonly string[] } | null;
  allowUnsignedPlugins: boolean;
};

export function defineAbilityFor(actor: TPolicyActor): TWorkspaceAbility {
  const { can, cannot, build } = new AbilityBuilder<TWorkspaceAbility>(createPrismaAbility);
  const { role, apiKey } = actor;
  const isAdmin = role === "owner" || role === "admin";

  for (const scope of ACCESS_RIGHTS[role]) {
    if (!apiKey || apiKey.scopes.includes(scope)) can(scope, "Workspace");
  }

  // Graphs: owners see every graph; others see unrestricted graphs and those restricted to their role or to them.
  if (role === "owner") can("read", "Graph");
  else {
    can("read", "Graph", { isRestricted: false });
    can("read", "Graph", { allowedRoles: { has: role } });
    if (actor.userId) can("read", "Graph", { allowedUserIds: { has: actor.userId } });
  }
  if (apiKey && apiKey.graphIds.length > 0) cannot("read", "Graph", { id: { notIn: [...apiKey.graphIds] } });
  // Who sees a graph is a membership decision: members who manage members and see the graph, signed in, never a key.
  if (!apiKey && ACCESS_RIGHTS[role].includes("members:manage")) can("restrict", "Graph", readableBy(actor));

  // Deployments: whoever may publish deploys to environments whose deploy role is at most their own (by default
  // editors to development and staging, production needs an admin); a key, within its role, needs graph:publish too.
  if (ACCESS_RIGHTS[role].includes("graph:publish") && (!apiKey || apiKey.scopes.includes("graph:publish"))) {
    can("deploy", "Environment", { deployRole: { in: ROLES.filter((deployRole) => isRoleAtMost(deployRole, role)) } });
  }

  // Plugins.
  can("use", "Plugin", { isEnabled: true });
  // A graph tagged `production` runs signed plugins only.
  cannot("use", "Plugin", { isSigned: false, environment: "production" });
  // An unsigned plugin installed while the owner allowed them stops running when the owner takes that back.
  if (!actor.allowUnsignedPlugins) cannot("use", "Plugin", { isSigned: false });
  if (isAdmin) {
    // Unsigned plugins come in, and back on, only while the owner allows them.
    can(["install", "enable"], "Plugin", { isSigned: true });
    if (actor.allowUnsignedPlugins) can(["install", "enable"], "Plugin", { isSigned: false });
    can(["uninstall", "disable"], "Plugin");
    can("manageTrustedKeys", "Workspace");
    // Only what the manifest declares can be granted; secrets to an unsigned plugin need the owner.
    can("grant", "Permission", { isDeclared: true, kind: "egress" });
    can("grant", "Permission", { isDeclared: true, kind: "secrets", isPluginSigned: true });
  }
  if (role === "owner") {
    can("grant", "Permission", { isDeclared: true, kind: "secrets", isPluginSigned: false });
    can("allowUnsignedPlugins", "Workspace");
  }
  return build();
}

/** The same ability in the browser, from the rules the server sent (`ability.rules`). */
export function abilityFromRules(rules: TAbilityRules): TWorkspaceAbility {
  return createPrismaAbility<TWorkspaceAbility>(rules);
}

/** The reading rule of a non-key caller as one Prisma condition. */
function readableBy(actor: TPolicyActor): Record<string, unknown> {
  if (actor.role === "owner") return {};
  const named = actor.userId ? [{ allowedUserIds: { has: actor.userId } }] : [];
  return { OR: [{ isRestricted: false }, { allowedRoles: { has: actor.role } }, ...named] };
}

export function canSeeGraph(ability: TWorkspaceAbility, graph: TGraphFacts): boolean {
  return ability.can("read", subject("Graph", { ...graph }));
}

export function canOnGraph(ability: TWorkspaceAbility, action: TGraphAction, graph: TGraphFacts): boolean {
  return ability.can(action, subject("Graph", { ...graph }));
}

export function canOnPlugin(ability: TWorkspaceAbility, action: TPluginAction, facts: TPluginFacts): boolean {
  return ability.can(action, subject("Plugin", { ...facts }));
}

export function canDeployTo(ability: TWorkspaceAbility, environment: TEnvironmentFacts): boolean {
  return ability.can("deploy", subject("Environment", { ...environment }));
}

export function canGrant(ability: TWorkspaceAbility, facts: TPermissionFacts): boolean {
  return ability.can("grant", subject("Permission", { ...facts }));
}
