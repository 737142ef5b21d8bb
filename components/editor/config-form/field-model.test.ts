import { describe, expect, it } from "vitest";
import { ALL_CORE_NODE_DEFINITIONS } from "@/server/plugins/builtin/core-node-definitions";
import { splitAdvanced, toConfigFields, type TFieldModel } from "./field-model";
import { labelFromKey, labelFromValue } from "./field-words";

const coreFields = (type: string) => {
  const definition = ALL_CORE_NODE_DEFINITIONS.find((candidate) => candidate.type === type)!;
  return toConfigFields(definition.configSchema, definition.uiHints);
};
const byKey = (fields: TFieldModel[], key: string) => fields.find((field) => field.key === key)!;

describe("toConfigFields", () => {
  it("turns the scripted model's turns into a repeatable group with message and tool-call turns, tool calls nested, arguments as JSON", () => {
    const turns = byKey(coreFields("core/scripted-model"), "turns");
    expect(turns).toMatchObject({ kind: "list", label: "Turns", isRequired: true, itemTitle: "Turn" });
    if (turns.kind !== "list" || turns.item.kind !== "object") throw new Error("turns should be a list of objects");
    expect(turns.addItems.map((item) => item.label)).toEqual(["Add a message turn", "Add a tool-call turn"]);
    expect(turns.item.fields.map((field) => [field.key, field.kind])).toEqual([["content", "text"], ["toolCalls", "list"]]);
    const toolCalls = byKey(turns.item.fields, "toolCalls");
    if (toolCalls.kind !== "list" || toolCalls.item.kind !== "object") throw new Error("tool calls should be a list of objects");
    expect(toolCalls.item.fields.map((field) => [field.label, field.kind, field.isRequired])).toEqual([["Tool name", "text", true], ["Arguments", "code", false]]);
    expect(toolCalls.item.fields[1]).toMatchObject({ language: "json" });
  });

  it("labels settings by their title, shows defaults and examples, and never falls back to a raw key", () => {
    const code = coreFields("core/code");
    expect(byKey(code, "timeoutMs")).toMatchObject({ kind: "number", isInteger: true, label: "Time limit (ms)", defaultText: "10,000", placeholder: "10000" });
    expect(byKey(code, "code")).toMatchObject({ kind: "code", language: "javascript", isRequired: true });
    expect(byKey(code, "toolInputSchema")).toMatchObject({ kind: "code", language: "json" });
    expect(byKey(code, "toolName").examples.length).toBeGreaterThan(0);
    const untitled = toConfigFields({ type: "object", properties: { maxRetryCount: { type: "integer" }, api_key: { type: "string" }, requestTimeoutMs: { type: "number" } } }, undefined);
    expect(untitled.map((field) => field.label)).toEqual(["Max retry count", "API key", "Request timeout (ms)"]);
  });

  it("offers enums as choices with readable options and `oneOf`/`anyOf` as a choice between forms", () => {
    expect(byKey(coreFields("core/branch"), "operator")).toMatchObject({ kind: "select" });
    const operator = byKey(coreFields("core/branch"), "operator");
    if (operator.kind !== "select") throw new Error("operator should be a select");
    expect(operator.options.find((option) => option.value === "greaterThan")?.label).toBe("greater than");
    const version = byKey(coreFields("core/subgraph"), "version");
    if (version.kind !== "choice") throw new Error("version should be a choice");
    expect(version.variants.map((variant) => [variant.label, variant.field.kind])).toEqual([["A version number", "number"], ["The latest or the draft", "select"]]);
    const titledConstants = toConfigFields({ type: "object", properties: { level: { oneOf: [{ const: 1, title: "Low" }, { const: 2, title: "High" }] } } }, undefined);
    expect(titledConstants[0]).toMatchObject({ kind: "select", options: [{ label: "Low", value: 1 }, { label: "High", value: 2 }] });
  });

  it("picks secrets through the secret picker (studio widget or OpenClaw `sensitive`), hides what a node type edits itself, nests objects", () => {
    expect(byKey(coreFields("core/openai-model"), "apiKeySecret")).toMatchObject({ kind: "secret", label: "API key secret" });
    const imported = toConfigFields(
      { type: "object", properties: { token: { type: "string" }, auth: { type: "object", properties: { user: { type: "string" }, password: { type: "string" } } } } },
      { token: { label: "Bot token", sensitive: true, help: "From the bot settings" }, "auth.password": { sensitive: true } },
    );
    expect(imported[0]).toMatchObject({ kind: "secret", label: "Bot token", description: "From the bot settings" });
    expect(imported[1]).toMatchObject({ kind: "object", fields: [{ key: "user", kind: "text" }, { key: "password", kind: "secret" }] });
    expect(coreFields("core/mcp-tools")).toEqual([]);
    const loop = byKey(coreFields("core/loop"), "while");
    expect(loop).toMatchObject({ kind: "object", fields: [{ key: "path" }, { key: "operator", kind: "select", isRequired: true }, { key: "value", kind: "code" }] });
  });

  it("reads OpenClaw uiHints: placeholder, `advanced` in the group's collapsed section, `*` for list items, `sensitive` nested", () => {
    const fields = toConfigFields(
      {
        type: "object",
        properties: {
          botName: { type: "string", default: "claw" },
          retries: { type: "integer" },
          proxy: { type: "object", properties: { url: { type: "string" }, password: { type: "string" }, tls: { type: "boolean" } } },
          allowFrom: { type: "array", items: { type: "object", properties: { id: { type: "string" } } } },
        },
      },
      {
        botName: { label: "Bot name", placeholder: "e.g. helper" },
        retries: { advanced: true, help: "How often a send is retried" },
        "proxy.password": { sensitive: true, advanced: true },
        "proxy.tls": { advanced: true },
        "allowFrom.*.id": { label: "Sender ID" },
      },
    );
    expect(byKey(fields, "botName")).toMatchObject({ label: "Bot name", placeholder: "e.g. helper", isAdvanced: false });
    expect(byKey(fields, "retries")).toMatchObject({ kind: "number", isAdvanced: true, description: "How often a send is retried" });
    const top = splitAdvanced(fields);
    expect([top.basic.map((field) => field.key), top.advanced.map((field) => field.key)]).toEqual([["botName", "proxy", "allowFrom"], ["retries"]]);
    const proxy = byKey(fields, "proxy");
    if (proxy.kind !== "object") throw new Error("proxy should be a group");
    const inProxy = splitAdvanced(proxy.fields);
    expect([inProxy.basic.map((field) => field.key), inProxy.advanced.map((field) => [field.key, field.kind])]).toEqual([["url"], [["password", "secret"], ["tls", "boolean"]]]);
    const allowFrom = byKey(fields, "allowFrom");
    if (allowFrom.kind !== "list" || allowFrom.item.kind !== "object") throw new Error("allowFrom should be a list of objects");
    expect(allowFrom.item.fields[0]).toMatchObject({ key: "id", label: "Sender ID" });
    expect(splitAdvanced(coreFields("core/code")).advanced).toEqual([]);
  });

  it("makes long text multi-line", () => {
    expect(byKey(coreFields("core/agent"), "systemPrompt")).toMatchObject({ kind: "text", isMultiline: true });
    expect(byKey(coreFields("core/output"), "name")).toMatchObject({ kind: "text", isMultiline: false });
    expect(byKey(coreFields("core/code"), "toolName")).toMatchObject({ kind: "text", isMultiline: false });
  });
});

describe("labels", () => {
  it("reads keys and enum values as words", () => {
    expect(labelFromKey("baseUrl")).toBe("Base URL");
    expect(labelFromKey("commandId")).toBe("Command ID");
    expect(labelFromValue("notEquals")).toBe("not equals");
    expect(labelFromValue("GET")).toBe("GET");
  });
});
