import { describe, expect, it } from "vitest";
import { getMemberActions } from "./member-actions";

const base = { canManageMembers: true, ownerCount: 1 };

describe("getMemberActions", () => {
  it("lets an admin give roles up to admin, never owner, and leaves owners alone", () => {
    expect(getMemberActions({ ...base, viewerRole: "admin", member: { role: "viewer", isYou: false } })).toEqual({
      assignableRoles: ["admin", "editor", "operator", "viewer"],
      canRemove: true,
      canLeave: false,
      canTransferOwnership: false,
    });
    expect(getMemberActions({ ...base, viewerRole: "admin", member: { role: "owner", isYou: false } })).toMatchObject({ assignableRoles: [], canRemove: false });
  });

  it("lets an owner grant owner and transfer ownership, but the last owner keeps the role and cannot leave", () => {
    expect(getMemberActions({ ...base, viewerRole: "owner", member: { role: "editor", isYou: false } })).toMatchObject({
      assignableRoles: ["owner", "admin", "editor", "operator", "viewer"],
      canTransferOwnership: true,
    });
    expect(getMemberActions({ ...base, viewerRole: "owner", member: { role: "owner", isYou: true } })).toEqual({
      assignableRoles: [],
      canRemove: false,
      canLeave: false,
      canTransferOwnership: false,
    });
    expect(getMemberActions({ ...base, ownerCount: 2, viewerRole: "owner", member: { role: "owner", isYou: true } })).toMatchObject({ canLeave: true, assignableRoles: ["owner", "admin", "editor", "operator", "viewer"] });
  });

  it("gives a member without members:manage nothing but leaving", () => {
    expect(getMemberActions({ ...base, canManageMembers: false, viewerRole: "editor", member: { role: "editor", isYou: true } })).toEqual({
      assignableRoles: [],
      canRemove: false,
      canLeave: true,
      canTransferOwnership: false,
    });
  });
});
