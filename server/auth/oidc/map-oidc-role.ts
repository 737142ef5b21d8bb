import type { TOidcProvider } from "./oidc-config";

/** The role an ID token's claims give: the first rule whose claim holds its value, else the provider's default role. */
export function mapOidcRole(claims: Record<string, unknown>, provider: Pick<TOidcProvider, "roleMapping" | "defaultRole">) {
  const rule = provider.roleMapping.find(({ claim, contains }) => {
    const value = Object.hasOwn(claims, claim) ? claims[claim] : undefined;
    return Array.isArray(value) ? value.includes(contains) : value === contains;
  });
  return rule?.role ?? provider.defaultRole;
}
