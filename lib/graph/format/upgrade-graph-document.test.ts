import { describe, expect, it } from "vitest";
import { validateGraphSpec } from "../validate-graph-spec";
import { GRAPH_FORMAT } from "../spec";
import { upgradeGraphDocument } from "./upgrade-graph-document";
import foundation from "./fixtures/v1-foundation.json";
import groups from "./fixtures/v1-groups.json";
import mailboxCapacity from "./fixtures/v1-mailbox-capacity.json";
import minimal from "./fixtures/v1-minimal.json";
import retryTimeout from "./fixtures/v1-retry-timeout.json";

const PAST_FORMATS: Record<string, Record<string, unknown>> = { foundation, groups, mailboxCapacity, minimal, retryTimeout };

describe("upgradeGraphDocument", () => {
  it.each(Object.entries(PAST_FORMATS))("loads the v1 fixture %s and gives it back in the current format, nothing lost", (_name, fixture) => {
    const upgrade = upgradeGraphDocument(fixture);
    expect(upgrade).toMatchObject({ ok: true, fromVersion: 1 });
    const document = (upgrade as { document: Record<string, unknown> }).document;
    expect(document.format).toBe(GRAPH_FORMAT);
    expect(document.edges).toEqual(fixture.edges);
    expect(document.settings).toEqual(fixture.settings ?? {});
    const nodes = fixture.nodes as Record<string, unknown>[];
    expect(document.nodes).toEqual(nodes.map((node) => ({ typeVersion: 1, label: "", config: {}, ...node })));

    const validation = validateGraphSpec(fixture);
    expect(validation.ok).toBe(true);
    expect(validation.ok && validation.spec).toEqual(document);
  });

  it("leaves a current-format document as it is", () => {
    const current = { format: GRAPH_FORMAT, nodes: [], edges: [], settings: { maxSteps: 3 } };
    expect(upgradeGraphDocument(current)).toEqual({ ok: true, document: current, fromVersion: 2 });
  });

  it("refuses a newer format naming its version, and validation reports it on `format`", () => {
    const future = { ...minimal, format: "openclaw.graph/v3" };
    const message = "The graph is in format openclaw.graph/v3, newer than this studio reads (openclaw.graph/v2 at most): open it in a newer studio";
    expect(upgradeGraphDocument(future)).toEqual({ ok: false, code: "UNSUPPORTED_FORMAT", message });
    expect(validateGraphSpec(future)).toEqual({ ok: false, problems: [{ code: "UNSUPPORTED_FORMAT", message, path: ["format"] }] });
  });

  it("passes on what is no graph format at all for validation to describe", () => {
    expect(upgradeGraphDocument({ format: "n8n" })).toEqual({ ok: true, document: { format: "n8n" }, fromVersion: null });
    const validation = validateGraphSpec({ format: "openclaw.graph/v0", nodes: [], edges: [] });
    expect(validation.ok).toBe(false);
    expect(!validation.ok && validation.problems[0]).toMatchObject({ code: "INVALID_SHAPE", path: ["format"], message: `must be "${GRAPH_FORMAT}"` });
  });
});
