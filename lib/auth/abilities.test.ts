import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { abilityFromRules, canDeployTo, canGrant, canOnGraph, canOnPlugin, canSeeGraph, defineAbilityFor, type TGraphFacts } from "./abilities";
import { ROLES, isRoleAtMost, type TRole } from "./access-rights";

const defineAbilitiesFor = (actor: { role: TRole; allowUnsignedPlugins: boolean }) => defineAbilityFor({ ...actor, userId: null, apiKey: null });

const signed = { isSigned: true, publisher: "acme" };
const unsigned = { isSigned: false, publisher: "acme" };

describe("plugin abilities", () => {
  it("lets admins install signed plugins, and unsigned ones only where the workspace allows them", () => {
    expect(canOnPlugin(defineAbilitiesFor({ role: "admin", allowUnsignedPlugins: false }), "install", signed)).toBe(true);
    expect(canOnPlugin(defineAbilitiesFor({ role: "admin", allowUnsignedPlugins: false }), "install", unsigned)).toBe(false);
    expect(canOnPlugin(defineAbilitiesFor({ role: "admin", allowUnsignedPlugins: true }), "install", unsigned)).toBe(true);
    expect(canOnPlugin(defineAbilitiesFor({ role: "editor", allowUnsignedPlugins: true }), "install", signed)).toBe(false);
  });

  it("grants only declared permissions; secrets for an unsigned plugin need the owner", () => {
    const admin = defineAbilitiesFor({ role: "admin", allowUnsignedPlugins: true });
    const owner = defineAbilitiesFor({ role: "owner", allowUnsignedPlugins: true });
    expect(canGrant(admin, { kind: "egress", isDeclared: true, isPluginSigned: false })).toBe(true);
    expect(canGrant(admin, { kind: "egress", isDeclared: false, isPluginSigned: true })).toBe(false);
    expect(canGrant(admin, { kind: "secrets", isDeclared: true, isPluginSigned: false })).toBe(false);
    expect(canGrant(owner, { kind: "secrets", isDeclared: true, isPluginSigned: false })).toBe(true);
    expect(canGrant(owner, { kind: "secrets", isDeclared: false, isPluginSigned: true })).toBe(false);
  });

  it("keeps unsigned plugins out of production graphs and disabled plugins out of every graph", () => {
    const editor = defineAbilitiesFor({ role: "editor", allowUnsignedPlugins: true });
    expect(canOnPlugin(editor, "use", { ...unsigned, isEnabled: true, environment: "staging" })).toBe(true);
    expect(canOnPlugin(editor, "use", { ...unsigned, isEnabled: true, environment: "production" })).toBe(false);
    expect(canOnPlugin(editor, "use", { ...signed, isEnabled: true, environment: "production" })).toBe(true);
    expect(canOnPlugin(editor, "use", { ...signed, isEnabled: false })).toBe(false);
  });

  it("stops unsigned plugins from running or being enabled again once the workspace no longer allows them", () => {
    const admin = defineAbilitiesFor({ role: "admin", allowUnsignedPlugins: false });
    expect(canOnPlugin(admin, "use", { ...unsigned, isEnabled: true, environment: "staging" })).toBe(false);
    expect(canOnPlugin(admin, "use", { ...signed, isEnabled: true, environment: "staging" })).toBe(true);
    expect(canOnPlugin(admin, "enable", unsigned)).toBe(false);
    expect(canOnPlugin(admin, "enable", signed)).toBe(true);
    expect(canOnPlugin(admin, "disable", unsigned)).toBe(true);
  });

  it("lets only the owner allow unsigned plugins", () => {
    expect(defineAbilitiesFor({ role: "owner", allowUnsignedPlugins: false }).can("allowUnsignedPlugins", "Workspace")).toBe(true);
    expect(defineAbilitiesFor({ role: "admin", allowUnsignedPlugins: false }).can("allowUnsignedPlugins", "Workspace")).toBe(false);
  });
});

const ROLE_LIST: TRole[] = ["owner", "admin", "editor", "operator", "viewer"];
const member = (role: TRole, userId = "u-me") => defineAbilityFor({ userId, role, apiKey: null, allowUnsignedPlugins: false });
const graph = (facts: Partial<TGraphFacts> = {}): TGraphFacts => ({ id: "g1", isRestricted: false, allowedRoles: [], allowedUserIds: [], ...facts });

/** The policy table of server/auth/README.md, written out independently of the CASL rules. */
function expectedToSee(actor: { userId: string; role: TRole; graphIds: string[] }, facts: TGraphFacts): boolean {
  const byRestriction = actor.role === "owner" || !facts.isRestricted || facts.allowedRoles.includes(actor.role) || facts.allowedUserIds.includes(actor.userId);
  return byRestriction && (actor.graphIds.length === 0 || actor.graphIds.includes(facts.id));
}

describe("graph visibility", () => {
  it("hides a restricted graph from everyone but owners, its roles and its named members", () => {
    const restricted = graph({ isRestricted: true, allowedRoles: ["operator"], allowedUserIds: ["u-ann"] });
    expect(canSeeGraph(member("owner"), restricted)).toBe(true);
    expect(canSeeGraph(member("admin"), restricted)).toBe(false);
    expect(canSeeGraph(member("editor"), restricted)).toBe(false);
    expect(canSeeGraph(member("operator"), restricted)).toBe(true);
    expect(canSeeGraph(member("viewer", "u-ann"), restricted)).toBe(true);
    expect(canSeeGraph(member("viewer"), graph())).toBe(true);
  });

  it("lets only signed-in members who manage members and see the graph change who sees it", () => {
    const restricted = graph({ isRestricted: true, allowedUserIds: ["u-ann"] });
    expect(canOnGraph(member("admin"), "restrict", graph())).toBe(true);
    expect(canOnGraph(member("admin"), "restrict", restricted)).toBe(false);
    expect(canOnGraph(member("admin", "u-ann"), "restrict", restricted)).toBe(true);
    expect(canOnGraph(member("owner"), "restrict", restricted)).toBe(true);
    expect(canOnGraph(member("editor", "u-ann"), "restrict", restricted)).toBe(false);
    const adminKey = defineAbilityFor({ userId: "u-ann", role: "admin", apiKey: { scopes: ["members:manage"], graphIds: [] }, allowUnsignedPlugins: false });
    expect(canOnGraph(adminKey, "restrict", graph())).toBe(false);
  });

  it("agrees with the policy table for any actor, key graph list and restriction", () => {
    const ids = ["g1", "g2", "g3"];
    const users = ["u1", "u2"];
    fc.assert(
      fc.property(
        fc.record({ userId: fc.constantFrom(...users), role: fc.constantFrom(...ROLE_LIST), graphIds: fc.subarray(ids) }),
        fc.record({
          id: fc.constantFrom(...ids),
          isRestricted: fc.boolean(),
          allowedRoles: fc.subarray(ROLE_LIST),
          allowedUserIds: fc.subarray(users),
        }),
        fc.boolean(),
        (actor, facts, isKey) => {
          const apiKey = isKey ? { scopes: ["graph:read"], graphIds: actor.graphIds } : null;
          const ability = defineAbilityFor({ userId: actor.userId, role: actor.role, apiKey, allowUnsignedPlugins: false });
          expect(canSeeGraph(ability, facts)).toBe(expectedToSee({ ...actor, graphIds: isKey ? actor.graphIds : [] }, facts));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("workspace scopes", () => {
  it("gives a member their role's scopes and a key the intersection of its role's and its own", () => {
    expect(member("editor").can("graph:publish", "Workspace")).toBe(true);
    expect(member("operator").can("graph:publish", "Workspace")).toBe(false);
    const key = defineAbilityFor({ userId: "u1", role: "editor", apiKey: { scopes: ["run:start", "members:manage"], graphIds: [] }, allowUnsignedPlugins: false });
    expect(key.can("run:start", "Workspace")).toBe(true);
    expect(key.can("graph:update", "Workspace")).toBe(false);
    expect(key.can("members:manage", "Workspace")).toBe(false);
  });

  it("survives the trip to the browser: the rules rebuild the same decisions", () => {
    const restricted = graph({ isRestricted: true, allowedRoles: ["editor"] });
    const server = member("editor");
    const browser = abilityFromRules(JSON.parse(JSON.stringify(server.rules)));
    expect(canSeeGraph(browser, restricted)).toBe(true);
    expect(canSeeGraph(browser, graph({ isRestricted: true }))).toBe(false);
    expect(browser.can("graph:publish", "Workspace")).toBe(true);
    expect(browser.can("members:manage", "Workspace")).toBe(false);
  });
});

describe("deploy abilities", () => {
  it("lets editors deploy to development and staging, and only admins and owners to production", () => {
    const deploysTo = (role: TRole, deployRole: TRole) => canDeployTo(defineAbilitiesFor({ role, allowUnsignedPlugins: false }), { deployRole });
    expect(deploysTo("editor", "editor")).toBe(true);
    expect(deploysTo("editor", "admin")).toBe(false);
    expect(deploysTo("admin", "admin")).toBe(true);
    expect(deploysTo("owner", "admin")).toBe(true);
    expect(deploysTo("operator", "editor")).toBe(false);
    expect(deploysTo("viewer", "viewer")).toBe(false);
  });

  it("never lets a role deploy above itself, nor a role that cannot publish deploy at all", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...ROLES), (role, deployRole) => {
        const canPublish = ["owner", "admin", "editor"].includes(role);
        const allowed = canDeployTo(defineAbilitiesFor({ role, allowUnsignedPlugins: false }), { deployRole });
        expect(allowed).toBe(canPublish && isRoleAtMost(deployRole, role));
      }),
    );
  });

  it("needs graph:publish among an API key's scopes, and the browser reads the same rule", () => {
    const withoutPublish = defineAbilityFor({ userId: "u1", role: "admin", apiKey: { scopes: ["run:start"], graphIds: [] }, allowUnsignedPlugins: false });
    const withPublish = defineAbilityFor({ userId: "u1", role: "admin", apiKey: { scopes: ["graph:publish"], graphIds: [] }, allowUnsignedPlugins: false });
    expect(canDeployTo(withoutPublish, { deployRole: "editor" })).toBe(false);
    expect(canDeployTo(withPublish, { deployRole: "admin" })).toBe(true);
    expect(canDeployTo(abilityFromRules(withPublish.rules), { deployRole: "admin" })).toBe(true);
  });
});
