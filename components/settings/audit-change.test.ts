import { describe, expect, it } from "vitest";
import { describeAuditChange } from "./audit-change";

describe("describeAuditChange", () => {
  it("shows only the fields that moved, nested ones by their path", () => {
    expect(describeAuditChange({ input: {}, before: { role: "editor" }, after: { role: "viewer" } })).toEqual(["role: editor → viewer"]);
    expect(describeAuditChange({ before: { egress: [], secretNames: ["OPENAI_KEY"] }, after: { egress: ["api.example.com"], secretNames: ["OPENAI_KEY"] } })).toEqual([
      "egress: [] → [api.example.com]",
    ]);
    expect(
      describeAuditChange({
        before: { newOwner: { email: "b@x.test", role: "admin" }, previousOwner: { email: "a@x.test", role: "owner" } },
        after: { newOwner: { email: "b@x.test", role: "owner" }, previousOwner: { email: "a@x.test", role: "admin" } },
      }),
    ).toEqual(["newOwner.role: admin → owner", "previousOwner.role: owner → admin"]);
    expect(describeAuditChange({ before: { isEnabled: false }, after: { isEnabled: true } })).toEqual(["isEnabled: false → true"]);
    expect(describeAuditChange({ before: { tags: ["a"] }, after: { tags: ["a"] } })).toEqual(["no change"]);
  });

  it("lists what was created or deleted, and nothing for a record without before/after", () => {
    expect(describeAuditChange({ before: null, after: { name: "OPENAI_KEY", valueChanged: false } })).toEqual(["created: name: OPENAI_KEY, valueChanged: false"]);
    expect(describeAuditChange({ before: { host: "api.example.com" }, after: null })).toEqual(["deleted: host: api.example.com"]);
    expect(describeAuditChange({ input: { workspaceId: "w1" } })).toEqual([]);
    expect(describeAuditChange(null)).toEqual([]);
  });

  it("cuts long values", () => {
    const [line] = describeAuditChange({ before: { name: "a" }, after: { name: "x".repeat(200) } });
    expect(line!.length).toBeLessThan(100);
  });
});
