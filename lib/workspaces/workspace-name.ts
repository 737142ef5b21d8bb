// Workspace names and slugs, shared by the create/rename forms (inline errors as you type) and the API (zod inputs).
import { z } from "zod";

export const WORKSPACE_NAME_MAX = 64;
export const WORKSPACE_SLUG_MIN = 3;
export const WORKSPACE_SLUG_MAX = 40;

/**
 * Slugs that name, or may one day name, a route or a system page: `/w/<slug>` sits beside them in links people
 * share, and a workspace called `settings` or `api` reads like a studio page.
 */
export const RESERVED_WORKSPACE_SLUGS: ReadonlySet<string> = new Set([
  "account", "admin", "api", "app", "auth", "default", "help", "invite", "invites", "login", "logout", "me", "metrics",
  "new", "health", "settings", "signin", "signout", "signup", "socket-io", "static", "studio", "system", "w", "www",
]);

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Letters, digits, spaces and common punctuation of any script; no control or invisible formatting characters.
const NAME_PATTERN = /^[\p{L}\p{N}\p{M} .,'&()_+\-]+$/u;

export const ZWorkspaceName = z
  .string()
  .trim()
  .min(1, "A workspace needs a name")
  .max(WORKSPACE_NAME_MAX, `A workspace name has at most ${WORKSPACE_NAME_MAX} characters`)
  .regex(NAME_PATTERN, "A workspace name may use letters, digits, spaces and . , ' & ( ) _ + -");

export const ZWorkspaceSlug = z
  .string()
  .trim()
  .min(WORKSPACE_SLUG_MIN, `A slug has at least ${WORKSPACE_SLUG_MIN} characters`)
  .max(WORKSPACE_SLUG_MAX, `A slug has at most ${WORKSPACE_SLUG_MAX} characters`)
  .regex(SLUG_PATTERN, "A slug uses lowercase letters, digits and single hyphens between them (like team-a)")
  .refine((slug) => !RESERVED_WORKSPACE_SLUGS.has(slug), { message: "This slug is reserved by the studio; choose another" });

/** The first problem of a name or slug, for a form to show beside the field; undefined when it is valid. */
export function describeWorkspaceFieldProblem(schema: typeof ZWorkspaceName | typeof ZWorkspaceSlug, value: string): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** A slug suggested from a name: "Team A (EU)" -> "team-a-eu". Accents are dropped; other scripts leave nothing. */
export function suggestWorkspaceSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, WORKSPACE_SLUG_MAX)
    .replace(/-+$/, "");
}
