// What the members page offers on each row: the server's rules (services/member/*) mirrored, so the page shows only
// what would be accepted. The server still decides; a stale page gets its FORBIDDEN or CONFLICT shown inline.
import { isRoleAtMost, ROLES, type TRole } from "@/lib/auth/access-rights";

export type TMemberActions = {
  /** Roles the viewer may give this member (including the current one); empty: the role is read-only. */
  assignableRoles: TRole[];
  canRemove: boolean;
  canLeave: boolean;
  canTransferOwnership: boolean;
};

export function getMemberActions(options: {
  viewerRole: TRole;
  canManageMembers: boolean;
  member: { role: TRole; isYou: boolean };
  ownerCount: number;
}): TMemberActions {
  const { viewerRole, member } = options;
  const isViewerOwner = viewerRole === "owner";
  const isLastOwner = member.role === "owner" && options.ownerCount <= 1;
  const canManage = options.canManageMembers && isRoleAtMost(member.role, viewerRole) && (member.role !== "owner" || isViewerOwner);
  const assignableRoles = canManage && !isLastOwner ? ROLES.filter((role) => isRoleAtMost(role, viewerRole) && (role !== "owner" || isViewerOwner)) : [];
  return {
    assignableRoles,
    canRemove: canManage && !member.isYou && !isLastOwner,
    canLeave: member.isYou && !isLastOwner,
    canTransferOwnership: isViewerOwner && !member.isYou && member.role !== "owner",
  };
}
