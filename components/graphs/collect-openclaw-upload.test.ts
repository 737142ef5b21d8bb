import { describe, expect, it } from "vitest";
import { collectOpenClawUpload } from "./collect-openclaw-upload";

const file = (relativePath: string, content = "{}") => ({ name: relativePath.split("/").at(-1)!, relativePath, content });

describe("collectOpenClawUpload", () => {
  it("keeps paths inside a picked folder, so $include paths resolve, and finds openclaw.json", () => {
    expect(collectOpenClawUpload([file("setup/agents/agents.json5"), file("setup/openclaw.json"), file("setup/AGENTS.md", "# A")])).toEqual({
      ok: true,
      upload: { entry: "openclaw.json", files: [{ path: "agents/agents.json5", content: "{}" }, { path: "openclaw.json", content: "{}" }, { path: "AGENTS.md", content: "# A" }] },
    });
  });

  it("takes single picked files by name, and a lone config under another name", () => {
    expect(collectOpenClawUpload([{ name: "gateway.json5", relativePath: "", content: "{}" }, { name: "SOUL.md", relativePath: "", content: "calm" }])).toMatchObject({ ok: true, upload: { entry: "gateway.json5" } });
  });

  it("asks which file is the config when it cannot tell, and for a file when none was picked", () => {
    expect(collectOpenClawUpload([file("a.json5"), file("b.json5")])).toEqual({ ok: false, message: "Which file is the config? Name it openclaw.json, or pick a single .json/.json5 file" });
    expect(collectOpenClawUpload([file("SOUL.md")])).toMatchObject({ ok: false });
    expect(collectOpenClawUpload([])).toMatchObject({ ok: false, message: expect.stringContaining("Pick an openclaw.json") });
  });
});
