import { describe, expect, it } from "vitest";
import { canGrant, canOnPlugin, defineAbilitiesFor } from "./abilities";

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

  it("lets only the owner allow unsigned plugins", () => {
    expect(defineAbilitiesFor({ role: "owner", allowUnsignedPlugins: false }).can("allowUnsignedPlugins", "Workspace")).toBe(true);
    expect(defineAbilitiesFor({ role: "admin", allowUnsignedPlugins: false }).can("allowUnsignedPlugins", "Workspace")).toBe(false);
  });
});
