import fc from "fast-check";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { createNodeTypeRegistry, validateGraph } from "@/lib/graph";
import { describeConfigNode, exportGraphToConfig, importConfigToGraph, importOpenClawFiles, OPENCLAW_CONFIG_NODE_TYPES, parseOpenClawConfig } from "@/lib/openclaw-config";
import { listDocsFixtures, readFixtureFolder } from "../../testing/openclaw-config-fixtures";

const registry = createNodeTypeRegistry(OPENCLAW_CONFIG_NODE_TYPES);

function parseOrThrow(files: Parameters<typeof parseOpenClawConfig>[0]) {
  const parsed = parseOpenClawConfig(files);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value.config;
}

describe("openclaw.json round trip on the openclaw package's documented examples", () => {
  const fixtures = listDocsFixtures();

  it("has every example of both pages", () => {
    expect(fixtures.map((fixture) => fixture.name.replace(/-\d+\.json5$/, ""))).toEqual([...Array(11).fill("configuration-examples"), ...Array(5).fill("entries-and-multi-agent")]);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture.files] as const))("%s: export(import(c)) equals c, import(export(g)) equals g, and g validates", (_name, files) => {
    const config = parseOrThrow(files);
    const imported = importConfigToGraph(config);
    expect(validateGraph(imported.spec, registry)).toMatchObject({ ok: true });
    const exported = exportGraphToConfig(imported.spec);
    expect(exported.config).toEqual(config);
    expect(Object.keys(exported.config)).toEqual(Object.keys(config));
    expect(JSON5.parse(JSON.stringify(exported.config))).toEqual(config);
    expect(importConfigToGraph(exported.config).spec).toEqual(imported.spec);
  });

  it("draws the expanded example's agents, channels, defaults and webhook, and the multi-agent routing's bindings", () => {
    const expanded = importConfigToGraph(parseOrThrow(fixtures.find((fixture) => fixture.name === "configuration-examples-03.json5")!.files));
    expect(expanded.agents).toBe(2);
    expect(expanded.spec.nodes.filter((node) => node.type === "openclaw-config/agent").map((node) => node.label)).toEqual(["🦥 Samantha (main)", "quick"]);
    expect(expanded.spec.nodes.filter((node) => node.type === "openclaw-config/channel").map((node) => node.label)).toEqual(["whatsapp", "telegram", "discord", "slack"]);
    expect(expanded.spec.nodes.find((node) => node.type === "openclaw-config/hook")?.label).toBe("Gmail");
    expect(expanded.unknownKeys).toEqual([]);

    const routing = importConfigToGraph(parseOrThrow(fixtures.find((fixture) => fixture.name === "entries-and-multi-agent-02.json5")!.files));
    expect(routing.bindings).toBe(2);
    const labelOf = (id: string) => routing.spec.nodes.find((node) => node.id === id)?.label;
    expect(routing.spec.edges.map((edge) => `${labelOf(edge.source.node)} -> ${labelOf(edge.target.node)}`)).toEqual(["whatsapp · account personal -> home", "whatsapp · account biz -> work"]);
  });
});

describe("a config split with $include, with the legacy agents.list and workspace files", () => {
  const files = readFixtureFolder("team-setup");

  it("resolves includes (single file, merged list, sibling keys over them) and keeps the rest", () => {
    const config = parseOrThrow(files);
    expect(config.tools).toEqual({ allow: ["read", "sessions_spawn"], exec: { timeoutSeconds: 600, backgroundMs: 10000 }, deny: ["browser"] });
    expect((config.agents as { list: unknown[] }).list).toHaveLength(3);
  });

  it("makes agent, binding, channel, MCP, plugin, webhook and workspace file nodes, delegation edges, and lists unknown keys", () => {
    const result = importOpenClawFiles(files);
    if (!result.ok) throw new Error(result.message);
    const { spec, agents, bindings, unknownKeys } = result.value;
    expect({ agents, bindings, unknownKeys }).toEqual({ agents: 3, bindings: 3, unknownKeys: ["studioExperiment", "agents.list.1.mood"] });
    const labelOf = (id: string) => spec.nodes.find((node) => node.id === id)!.label;
    expect(spec.edges.map((edge) => `${labelOf(edge.source.node)} ${edge.source.port} -> ${labelOf(edge.target.node)}`)).toEqual([
      "🧭 Tria (triage) subagents -> billing",
      "🧭 Tria (triage) subagents -> tech",
      "slack out -> slack · team T0001",
      "slack · team T0001 agent -> 🧭 Tria (triage)",
      "discord out -> discord · guild 123456789012345678",
      "discord · guild 123456789012345678 agent -> billing",
      "whatsapp out -> whatsapp · peer direct:+15555550123",
      "whatsapp · peer direct:+15555550123 agent -> 🧭 Tria (triage)",
      "New ticket agent -> 🧭 Tria (triage)",
    ]);
    expect(spec.nodes.filter((node) => node.type === "openclaw-config/mcp-server").map((node) => node.label)).toEqual(["docs", "fetch"]);
    expect(spec.nodes.filter((node) => node.type === "openclaw-config/workspace-file").map((node) => node.config)).toEqual([
      { path: "AGENTS.md", content: files.files["AGENTS.md"] },
      { path: "workspace-support/SOUL.md", content: files.files["workspace-support/SOUL.md"] },
    ]);
    expect(validateGraph(spec, registry)).toMatchObject({ ok: true });
    const exported = exportGraphToConfig(spec);
    expect(exported.config).toEqual(parseOrThrow(files));
    expect(exported.files.map((file) => file.path)).toEqual(["AGENTS.md", "workspace-support/SOUL.md"]);
  });

  it("exports what the canvas was rewired to: a binding to another agent, a delegation removed, one added", () => {
    const result = importOpenClawFiles(files);
    if (!result.ok) throw new Error(result.message);
    const spec = structuredClone(result.value.spec);
    const agentNode = (agentId: string) => spec.nodes.find((node) => node.config.agentId === agentId)!.id;
    const firstBinding = spec.edges.find((edge) => edge.source.port === "agent" && edge.source.node === "binding-1")!;
    firstBinding.target.node = agentNode("tech");
    spec.edges = spec.edges.filter((edge) => !(edge.source.node === agentNode("triage") && edge.target.node === agentNode("tech")));
    spec.edges.push({ id: "tech-to-billing", source: { node: agentNode("tech"), port: "subagents" }, target: { node: agentNode("billing"), port: "spawn" } });

    const exported = exportGraphToConfig(spec).config as { bindings: { agentId: string }[]; agents: { list: { subagents?: { allowAgents: string[] } }[] } };
    expect(exported.bindings.map((binding) => binding.agentId)).toEqual(["tech", "billing", "triage"]);
    expect(exported.agents.list.map((entry) => entry.subagents?.allowAgents)).toEqual([["billing"], undefined, ["*", "billing"]]);
    const reimported = importConfigToGraph(exported as Record<string, unknown>).spec;
    expect(exportGraphToConfig(reimported).config).toEqual(exported);
  });
});

describe("malformed and hostile files", () => {
  const parse = (files: Record<string, string>, entry = "openclaw.json") => parseOpenClawConfig({ entry, files });

  it("names the file and line of a syntax error, also inside an included file", () => {
    expect(parse({ "openclaw.json": '{\n  gateway: { port: 18789 },\n  agents: { entries: { main: { model: "x" } }\n' })).toEqual({ ok: false, message: expect.stringMatching(/^openclaw\.json:4:1: /) });
    expect(parse({ "openclaw.json": '{ agents: { $include: "./agents.json5" } }', "agents.json5": "{\n  entries: {\n    main: { model: 'x' ,, }\n  }\n}" })).toEqual({
      ok: false,
      message: expect.stringMatching(/^agents\.json5:3:25: invalid character ','/),
    });
  });

  it("refuses include cycles, missing files, paths out of the upload and prototype keys, naming where", () => {
    expect(parse({ "openclaw.json": '{ a: { $include: "b.json5" } }', "b.json5": '{ c: { $include: "./openclaw.json" } }' })).toEqual({ ok: false, message: "$include cycle: openclaw.json -> b.json5 -> openclaw.json" });
    expect(parse({ "openclaw.json": '{ agents: { $include: "nope.json5" } }' })).toEqual({ ok: false, message: "nope.json5: not among the uploaded files" });
    expect(parse({ "openclaw.json": '{ agents: { $include: "../../etc/passwd" } }' })).toEqual({ ok: false, message: 'openclaw.json: agents.$include: "../../etc/passwd" points outside the uploaded folder' });
    expect(parse({ "openclaw.json": '{ agents: { $include: 42 } }' })).toEqual({ ok: false, message: "openclaw.json: agents.$include: must be a file path or a list of file paths" });
    expect(parse({ "openclaw.json": '{ agents: { entries: { "__proto__": { polluted: true } } } }' })).toEqual({ ok: false, message: 'openclaw.json: agents.entries.__proto__: The key "__proto__" is not allowed' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("follows includes relative to the including file, nested", () => {
    const parsed = parse({ "openclaw.json": '{ agents: { $include: "sub/agents.json5" } }', "sub/agents.json5": '{ entries: { $include: "./entries.json5" } }', "sub/entries.json5": "{ main: {} }" });
    expect(parsed).toEqual({ ok: true, value: { config: { agents: { entries: { main: {} } } }, included: ["sub/agents.json5", "sub/entries.json5"] } });
  });
});

// Generated configs: keys from the collections the import takes apart, mixed with arbitrary unknown ones.
const key = fc.string({ minLength: 1, maxLength: 8 }).filter((text) => !["__proto__", "constructor", "prototype", "$include"].includes(text));
const value = fc.jsonValue({ maxDepth: 2 }).filter((json) => !JSON.stringify(json).match(/"(__proto__|constructor|prototype|\$include)"/));
const agentIds = fc.uniqueArray(fc.constantFrom("main", "work", "home", "ops", "docs"), { maxLength: 4 });
const entryOf = (ids: string[]) =>
  fc.record(
    { model: fc.oneof(fc.string(), fc.record({ primary: fc.string(), fallbacks: fc.array(fc.string(), { maxLength: 2 }) })), subagents: fc.record({ allowAgents: fc.array(fc.constantFrom("*", "stale", ...ids), { maxLength: 3 }) }), identity: fc.record({ name: fc.string(), emoji: fc.string() }), extra: value },
    { requiredKeys: [] },
  );
const configArbitrary = agentIds.chain((ids) =>
  fc.record(
    {
      agents: fc.record(
        { defaults: fc.dictionary(key, value, { maxKeys: 3 }), entries: fc.tuple(...ids.map((id) => entryOf(ids).map((entry) => [id, entry] as const))).map((pairs) => Object.fromEntries(pairs)), list: fc.array(entryOf(ids).map((entry) => ({ id: "listed", ...entry })), { maxLength: 2 }), ownership: fc.constant("explicit") },
        { requiredKeys: [] },
      ),
      bindings: fc.array(fc.oneof(value, fc.record({ agentId: fc.constantFrom("nobody", ...ids), match: fc.record({ channel: fc.constantFrom("slack", "discord", "irc"), accountId: fc.string() }, { requiredKeys: ["channel"] }) })), { maxLength: 4 }),
      channels: fc.dictionary(fc.constantFrom("slack", "discord", "telegram"), value, { maxKeys: 3 }),
      hooks: fc.record({ enabled: fc.boolean(), mappings: fc.array(fc.record({ id: fc.string(), agentId: fc.constantFrom("nobody", ...ids) }, { requiredKeys: [] }), { maxLength: 3 }) }, { requiredKeys: [] }),
      mcp: fc.record({ servers: fc.dictionary(key, value, { maxKeys: 3 }) }, { requiredKeys: [] }),
      plugins: fc.record({ entries: fc.dictionary(key, value, { maxKeys: 2 }), enabled: fc.boolean() }, { requiredKeys: [] }),
      tools: value,
      unknownTopLevel: value,
    },
    { requiredKeys: [] },
  ),
);

describe("the round trip on generated configs", () => {
  it("export(import(c)) equals c, and import(export(g)) equals g for g = import(c)", () => {
    fc.assert(
      fc.property(configArbitrary, (config) => {
        const graph = importConfigToGraph(config).spec;
        const exported = exportGraphToConfig(graph).config;
        expect(exported).toEqual(config);
        expect(importConfigToGraph(exported).spec).toEqual(graph);
        expect(validateGraph(graph, registry)).toMatchObject({ ok: true });
      }),
      { numRuns: 300 },
    );
  });
});

describe("what a node shows", () => {
  it("an agent's identity, model and fallbacks, skills, tool policy, sandbox mode and unknown keys", () => {
    const result = importOpenClawFiles(readFixtureFolder("team-setup"));
    if (!result.ok) throw new Error(result.message);
    const lines = (label: string) => describeConfigNode(result.value.spec.nodes.find((node) => node.label === label)!);
    expect(lines("billing")).toEqual(["model openai/gpt-5.4", "skills from defaults", "allow read · deny exec", "sandbox from defaults", "unknown keys: mood"]);
    expect(lines("Agent defaults")).toEqual(["model anthropic/claude-sonnet-4-6", "fallbacks openai/gpt-5.4", "skills github", "sandbox off"]);
    expect(lines("Gateway settings")).toContain("unknown keys: studioExperiment");
    const withUnknown = importConfigToGraph({ bindings: [{ agentId: "main", match: { channel: "slack" }, priority: 1 }], mcp: { servers: { docs: { url: "https://mcp.example.com", retries: 3 } } } }).spec;
    expect(withUnknown.nodes.map(describeConfigNode).slice(0, 2)).toEqual([["agent main", "unknown keys: priority"], ["https://mcp.example.com", "unknown keys: retries"]]);
    const samantha = importConfigToGraph(parseOrThrow(listDocsFixtures().find((fixture) => fixture.name === "entries-and-multi-agent-01.json5")!.files));
    expect(describeConfigNode(samantha.spec.nodes.find((node) => node.type === "openclaw-config/agent")!)).toEqual([
      "identity: helpful sloth", "model anthropic/claude-opus-4-6", "skills docs-search", "profile coding · allow browser · deny canvas", "sandbox off",
    ]);
  });
});
