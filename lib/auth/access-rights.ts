// Roles and what each may do, as data. The server checks it in every workspace procedure; the browser uses the same
// table (through workspace.list) to hide buttons a member cannot use.
export const ROLES = ["owner", "admin", "editor", "operator", "viewer"] as const;
export type TRole = (typeof ROLES)[number];

export const SCOPES = [
  "workspace:read",
  "workspace:manage",
  "members:read",
  "members:manage",
  "graph:read",
  "graph:create",
  "graph:update",
  "graph:delete",
  "graph:publish",
  "run:read",
  "run:start",
  "run:cancel",
  "run:approve",
  "plugins:manage",
  "secrets:manage",
  "egress:manage",
  "mcp:manage",
  "api-keys:manage",
  "environments:manage",
  "retention:manage",
] as const;
export type TScope = (typeof SCOPES)[number];

const READ: TScope[] = ["workspace:read", "members:read", "graph:read", "run:read"];
const OPERATE: TScope[] = [...READ, "run:start", "run:cancel", "run:approve"];
const EDIT: TScope[] = [...OPERATE, "graph:create", "graph:update", "graph:delete", "graph:publish"];
const ADMINISTER: TScope[] = [...EDIT, "members:manage", "plugins:manage", "secrets:manage", "egress:manage", "mcp:manage", "api-keys:manage", "environments:manage", "retention:manage"];

export const ACCESS_RIGHTS: Record<TRole, readonly TScope[]> = {
  owner: [...ADMINISTER, "workspace:manage"],
  admin: ADMINISTER,
  editor: EDIT,
  operator: OPERATE,
  viewer: READ,
};

export function hasScope(role: TRole, scope: TScope): boolean {
  return ACCESS_RIGHTS[role].includes(scope);
}

/** Roles are ordered from most to least powerful (ROLES), and each holds every scope of the roles below it. */
export function isRoleAtMost(role: TRole, ceiling: TRole): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(ceiling);
}

/** The less powerful of two roles. */
export function lowerRole(a: TRole, b: TRole): TRole {
  return isRoleAtMost(a, b) ? a : b;
}
