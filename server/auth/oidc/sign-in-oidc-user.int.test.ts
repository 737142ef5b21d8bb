import { describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { studioEvents, type TStudioEvents } from "../../events/studio-events";
import { addMember, createTestUser, createTestWorkspace, uniqueSuffix } from "../../testing/factories";
import type { TOidcProvider } from "./oidc-config";
import { signInOidcUser } from "./sign-in-oidc-user";

async function createProvider(overrides: Partial<TOidcProvider> = {}): Promise<TOidcProvider> {
  const workspace = await createTestWorkspace();
  return {
    id: `idp-${uniqueSuffix()}`,
    name: "Test IdP",
    issuer: "https://id.example.test",
    clientId: "studio",
    clientSecret: "secret",
    scopes: "openid email profile",
    roleMapping: [{ claim: "groups", contains: "studio-admins", role: "admin" }],
    defaultRole: "viewer",
    workspace: workspace.slug,
    ...overrides,
  };
}

async function roleIn(provider: TOidcProvider, userId: string) {
  const membership = await db().membership.findFirst({ where: { userId, workspace: { slug: provider.workspace } }, select: { role: true } });
  return membership?.role;
}

describe("signInOidcUser", () => {
  it("creates a verified user with an Account link and the mapped role in the provider's workspace", async () => {
    const provider = await createProvider();
    const email = `new-${uniqueSuffix()}@example.test`;
    const claims = { email, email_verified: true, name: "New Person", groups: ["studio-admins"] };
    const result = await signInOidcUser(db(), { provider, providerAccountId: "sub-1", claims });
    if (!("userId" in result)) throw new Error(`refused: ${result.refused}`);
    const user = await db().user.findUniqueOrThrow({ where: { id: result.userId }, include: { accounts: true } });
    expect(user).toMatchObject({ email, name: "New Person", passwordHash: null });
    expect(user.emailVerified).not.toBeNull();
    expect(user.accounts).toMatchObject([{ type: "oidc", provider: provider.id, providerAccountId: "sub-1", access_token: null, id_token: null }]);
    expect(await roleIn(provider, result.userId)).toBe("admin");
  });

  it("links a verified address to the existing user, and re-evaluates the role at every sign-in", async () => {
    const provider = await createProvider();
    const existing = await createTestUser({ password: "a password of some length" });
    const first = await signInOidcUser(db(), { provider, providerAccountId: "sub-2", claims: { email: existing.email.toUpperCase(), email_verified: true } });
    expect(first).toEqual({ userId: existing.id });
    expect(await roleIn(provider, existing.id)).toBe("viewer");

    const changes: TStudioEvents["membership.changed"][] = [];
    const stopListening = studioEvents.on("membership.changed", (event) => changes.push(event));
    const promoted = await signInOidcUser(db(), { provider, providerAccountId: "sub-2", claims: { email: existing.email, email_verified: true, groups: ["studio-admins"] } });
    stopListening();
    expect(promoted).toEqual({ userId: existing.id });
    expect(await roleIn(provider, existing.id)).toBe("admin");
    // Their open sockets reconnect with the new role, as after a change in Settings.
    expect(changes).toEqual([expect.objectContaining({ userId: existing.id, role: "admin" })]);
    expect(await db().account.count({ where: { userId: existing.id } })).toBe(1);
  });

  it("refuses an unverified address that matches an existing user, and links nothing", async () => {
    const provider = await createProvider();
    const existing = await createTestUser({ password: "a password of some length" });
    const claims = { email: existing.email, email_verified: false, groups: ["studio-admins"] };
    expect(await signInOidcUser(db(), { provider, providerAccountId: "sub-3", claims })).toEqual({ refused: "OidcEmailUnverified" });
    expect(await db().account.count({ where: { provider: provider.id } })).toBe(0);
    expect(await roleIn(provider, existing.id)).toBeUndefined();
  });

  it("enforces the domain allowlist before creating anyone", async () => {
    const provider = await createProvider({ allowedEmailDomains: ["allowed.test"] });
    const email = `out-${uniqueSuffix()}@elsewhere.test`;
    expect(await signInOidcUser(db(), { provider, providerAccountId: "sub-4", claims: { email, email_verified: true } })).toEqual({ refused: "OidcEmailDomain" });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("keeps an owner an owner, and refuses when the workspace is missing", async () => {
    const provider = await createProvider();
    const owner = await createTestUser();
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: provider.workspace } });
    await addMember(workspace.id, owner.id, "owner");
    await signInOidcUser(db(), { provider, providerAccountId: "sub-5", claims: { email: owner.email, email_verified: true } });
    expect(await roleIn(provider, owner.id)).toBe("owner");

    const orphan = { ...provider, workspace: `missing-${uniqueSuffix()}` };
    expect(await signInOidcUser(db(), { provider: orphan, providerAccountId: "sub-6", claims: { email: owner.email, email_verified: true } })).toEqual({
      refused: "OidcWorkspaceMissing",
    });
  });
});
