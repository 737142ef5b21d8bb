// A malformed plugin upload is the uploader's mistake: 400 with the reason, and nothing at error level in the log.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as tar from "tar";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setPluginStorageDir } from "../../../plugins/plugin-storage";
import { copyFixture, packFixtureArchive } from "../../../plugins/testing/plugin-fixtures";
import { logger } from "../../../telemetry/logger";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

beforeAll(() => setPluginStorageDir(path.join(mkdtempSync(path.join(tmpdir(), "studio-data-")), "plugins")));
afterEach(() => vi.restoreAllMocks());

/** A tarball whose one entry climbs out of the folder it is extracted into (`../escaped.js`). */
async function traversalArchive(): Promise<Buffer> {
  const root = mkdtempSync(path.join(tmpdir(), "studio-traversal-"));
  mkdirSync(path.join(root, "inner"));
  writeFileSync(path.join(root, "escaped.js"), "module.exports = 1;\n");
  const file = path.join(root, "plugin.tgz");
  await tar.c({ gzip: true, cwd: path.join(root, "inner"), file, preservePaths: true }, ["../escaped.js"]);
  const archive = readFileSync(file);
  rmSync(root, { recursive: true, force: true });
  return archive;
}

async function malformedArchives(): Promise<Record<string, { archive: Buffer; reason: RegExp }>> {
  const plugin = await packFixtureArchive(copyFixture("shout-plugin"));
  const withoutManifest = copyFixture("shout-plugin");
  rmSync(path.join(withoutManifest, "studio.plugin.json"));
  return {
    "plain text": { archive: Buffer.from("this is not an archive at all\n"), reason: /not a gzipped tar archive/ },
    "a zip file": { archive: Buffer.from("PK\u0003\u0004 a zip header and nothing else"), reason: /is a zip file: a plugin is a \.tgz file/ },
    "gzip of no tar": { archive: gzipSync(Buffer.from("just text inside gzip")), reason: /could not be read/ },
    "truncated": { archive: plugin.subarray(0, Math.floor(plugin.length / 2)), reason: /could not be read|truncated/ },
    "path traversal": { archive: await traversalArchive(), reason: /\.\.\/escaped\.js: paths must stay inside the plugin/ },
    "missing manifest": { archive: await packFixtureArchive(withoutManifest), reason: /studio\.plugin\.json is missing/ },
    "empty": { archive: Buffer.alloc(0), reason: /empty/ },
  };
}

describe("malformed plugin archives", () => {
  it("answer 400 with the reason and log nothing at error level", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const owner = callerFor(members.owner);
    await owner.plugin.setAllowUnsigned({ workspaceId: workspace.id, isAllowed: true });
    const errors = vi.spyOn(logger, "error");

    for (const [name, { archive, reason }] of Object.entries(await malformedArchives())) {
      const refusal = await rejectionOf(owner.plugin.install({ workspaceId: workspace.id, archiveBase64: archive.toString("base64") }));
      expect(refusal.code, name).toBe("BAD_REQUEST");
      expect(refusal.message, name).toMatch(reason);
    }
    expect(errors).not.toHaveBeenCalled();
    expect(await owner.plugin.list({ workspaceId: workspace.id })).toHaveLength(1);
  });
});
