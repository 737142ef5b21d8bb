import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { packPluginFolder } from "../server/plugins/signing/plugin-archive";
import { createSignedFixture } from "../server/plugins/testing/plugin-fixtures";
import { ADMIN, apiSignIn } from "./support/auth";
import { buildSpec, trpcMutation } from "./support/runs";

test("a published version shows its plugin pin, the plugin settings show who pins it, and uninstalling it is refused with the graph named", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const slug = `pins-${randomUUID().slice(0, 8)}`;
  const workspace = await trpcMutation<{ id: string }>(page.request, "workspace.create", { name: "Pinned plugins", slug });
  const workspaceId = workspace.id;
  const { dir, keys } = createSignedFixture("shout-plugin");
  const archive = path.join(mkdtempSync(path.join(tmpdir(), "e2e-plugin-")), "shout.tgz");
  await packPluginFolder(dir, archive);
  await trpcMutation(page.request, "plugin.addTrustedKey", { workspaceId, publisher: "acme", publicKey: keys.publicKey });
  await trpcMutation(page.request, "plugin.install", { workspaceId, archiveBase64: readFileSync(archive).toString("base64") });

  const spec = buildSpec(
    [
      { id: "hook", type: "core/webhook", label: "Incoming" },
      { id: "text", type: "core/template", label: "Body text", config: { template: "{{input.body}}" } },
      { id: "shout", type: "acme-shout/shout", label: "Shout" },
      { id: "out", type: "core/output", label: "Result" },
    ],
    ["hook.out->text.in", "text.out->shout.in", "shout.out->out.in"],
  );
  const graph = await trpcMutation<{ id: string; draftRevision: number }>(page.request, "graph.create", { workspaceId, name: "Loud hook", spec });
  await trpcMutation(page.request, "graph.publishVersion", { workspaceId, graphId: graph.id, draftRevision: graph.draftRevision, message: "first" });

  await page.goto(`/w/${slug}/graphs/${graph.id}`);
  const versions = page.getByTestId("versions-panel");
  await expect(versions.getByTestId("version-row").first()).toContainText("v1");
  await expect(versions.getByTestId("version-plugin-pins")).toHaveText("Plugins: acme-shout 1.0.0");

  await page.goto(`/w/${slug}/settings`);
  const row = page.getByTestId("plugin-row").filter({ hasText: "Shout" });
  await expect(row.getByRole("list", { name: "Graph versions pinned to Shout" })).toHaveText("Loud hook v1 runs acme-shout 1.0.0");
  await row.getByRole("button", { name: "Uninstall" }).click();
  const refusal = page.getByRole("region", { name: "Plugins" }).getByRole("alert");
  await expect(refusal).toContainText("acme-shout cannot be uninstalled: 1 deployed or triggered graph version(s) use it.");
  await expect(refusal).toContainText('Graph "Loud hook" v1 (published, started by its triggers): acme-shout/shout');
  await expect(row).toBeVisible();
});
