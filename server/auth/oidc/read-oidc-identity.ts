export type TOidcIdentity = { email: string | undefined; isEmailVerified: boolean; name: string | null };

/** The person an ID token names. Some providers send `email_verified` as the text "true"; anything else is unverified. */
export function readOidcIdentity(claims: Record<string, unknown>): TOidcIdentity {
  const email = typeof claims.email === "string" && claims.email.includes("@") ? claims.email.trim().toLowerCase() : undefined;
  const name = [claims.name, claims.preferred_username].find((value): value is string => typeof value === "string" && value.trim() !== "");
  return {
    email,
    isEmailVerified: claims.email_verified === true || claims.email_verified === "true",
    name: name?.trim().slice(0, 200) ?? null,
  };
}
